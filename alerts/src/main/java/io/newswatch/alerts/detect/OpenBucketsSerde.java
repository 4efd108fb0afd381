package io.newswatch.alerts.detect;

import static io.newswatch.alerts.detect.StateCodec.readArticle;
import static io.newswatch.alerts.detect.StateCodec.readHashes;
import static io.newswatch.alerts.detect.StateCodec.readString;
import static io.newswatch.alerts.detect.StateCodec.writeArticle;
import static io.newswatch.alerts.detect.StateCodec.writeHashes;
import static io.newswatch.alerts.detect.StateCodec.writeString;

import io.newswatch.core.JsonSerde;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Map;

/**
 * A watch's open buckets in the detector's state store, in a compact binary form: the detector puts them at every
 * matching article, and as JSON (the id hashes as base64, every source's evidence article by field name) that write
 * cost more per article than the whole state write of the detector before issue 9 (docs/BENCHMARKS.md).
 *
 * <p>Values written as JSON by earlier versions are still read (they start with '{'; the binary form with {@link #FORMAT})
 * and are rewritten in this form at the watch's next article.
 */
public final class OpenBucketsSerde extends BinaryStateSerde<OpenBuckets> {

    /** First byte of the binary form; not '{', so JSON written before it can be told apart. */
    static final byte FORMAT = 1;
    private static final JsonSerde<OpenBuckets> LEGACY_JSON = JsonSerde.withDataKeys(OpenBuckets.class);

    public OpenBucketsSerde() {
        super(OpenBucketsSerde::write, OpenBucketsSerde::read, LEGACY_JSON);
    }

    static byte[] write(OpenBuckets open) {
        int ids = 0;
        for (BucketTally t : open.tallies.values()) {
            ids += t.articleIds.size() + t.stories.size();
        }
        // Eight bytes an id hash, and room for the sources' evidence: a busy bucket is tens of KB, grown once at most.
        return StateCodec.encode(FORMAT, 512 + 10 * ids, out -> {
            out.writeLong(open.lateArticles);
            out.writeInt(open.tallies.size());
            for (Map.Entry<Long, BucketTally> e : open.tallies.entrySet()) {
                out.writeLong(e.getKey());
                writeTally(out, e.getValue());
            }
        });
    }

    static OpenBuckets read(byte[] bytes) {
        return StateCodec.decode(bytes, FORMAT, "open buckets", in -> {
            OpenBuckets open = new OpenBuckets();
            open.lateArticles = in.readLong();
            for (int i = in.readInt(); i > 0; i--) {
                open.tallies.put(in.readLong(), readTally(in));
            }
            return open;
        });
    }

    private static void writeTally(DataOutputStream out, BucketTally t) throws IOException {
        out.writeLong(t.articles);
        writeHashes(out, t.articleIds);
        writeHashes(out, t.stories);
        out.writeInt(t.sources.size());
        for (Map.Entry<String, BucketTally.SourceTally> e : t.sources.entrySet()) {
            writeString(out, e.getKey());
            out.writeInt(e.getValue().count);
            out.writeBoolean(e.getValue().earliest != null);
            if (e.getValue().earliest != null) {
                writeArticle(out, e.getValue().earliest);
            }
        }
    }

    private static BucketTally readTally(DataInputStream in) throws IOException {
        BucketTally t = new BucketTally();
        t.articles = in.readLong();
        t.articleIds = readHashes(in);
        t.stories = readHashes(in);
        for (int i = in.readInt(); i > 0; i--) {
            BucketTally.SourceTally s = new BucketTally.SourceTally();
            String source = readString(in);
            s.count = in.readInt();
            s.earliest = in.readBoolean() ? readArticle(in) : null;
            t.sources.put(source, s);
        }
        return t;
    }
}
