package io.newswatch.alerts.detect;

import static io.newswatch.alerts.detect.StateCodec.readArticle;
import static io.newswatch.alerts.detect.StateCodec.readDouble;
import static io.newswatch.alerts.detect.StateCodec.readHashes;
import static io.newswatch.alerts.detect.StateCodec.readString;
import static io.newswatch.alerts.detect.StateCodec.writeArticle;
import static io.newswatch.alerts.detect.StateCodec.writeDouble;
import static io.newswatch.alerts.detect.StateCodec.writeHashes;
import static io.newswatch.alerts.detect.StateCodec.writeString;

import io.newswatch.core.AlertArticle;
import io.newswatch.core.JsonSerde;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A watch's history in the detector's state store, in a compact binary form: the detector puts it whenever the watch
 * closes a bucket, which in a replay is every few articles for a busy watch, and as JSON (the story and source hashes
 * as base64, every evidence article's fields by name) that cost about 7% of the alerts stream thread. Doubles are written
 * as their exact bits: a restored detector must judge exactly as an uninterrupted one.
 *
 * <p>Values written as JSON by earlier versions are still read (they start with '{'; the binary form with {@link #FORMAT})
 * and are rewritten in this form at the watch's next bucket.
 */
public final class WatchHistorySerde extends BinaryStateSerde<WatchHistory> {

    /** First byte of the binary form; not '{', so JSON written before it can be told apart. */
    static final byte FORMAT = 1;
    private static final JsonSerde<WatchHistory> LEGACY_JSON = JsonSerde.withDataKeys(WatchHistory.class);

    public WatchHistorySerde() {
        super(WatchHistorySerde::write, WatchHistorySerde::read, LEGACY_JSON);
    }

    static byte[] write(WatchHistory h) {
        return StateCodec.encode(FORMAT, 256, out -> {
            out.writeLong(h.bucketMs);
            out.writeLong(h.longestMs);
            out.writeLong(h.baselineMs);
            out.writeLong(h.lastClosed);
            writeDouble(out, h.baselineCount);
            out.writeLong(h.baselineAtMs);
            out.writeLong(h.startFoldMs);
            writeDouble(out, h.startTotal);
            writeDouble(out, h.priorTotal);
            out.writeLong(h.priorAtMs);
            out.writeLong(h.priorSinceMs);
            writeString(out, h.alertId);
            out.writeLong(h.openedBucket);
            out.writeLong(h.lastHotBucket);
            out.writeLong(h.lastEventBucket);
            out.writeInt(h.tier);
            out.writeLong(h.cooldownUntilMs);
            out.writeInt(h.recent.size());
            for (Map.Entry<Long, ClosedBucket> e : h.recent.entrySet()) {
                out.writeLong(e.getKey());
                writeBucket(out, e.getValue());
            }
        });
    }

    static WatchHistory read(byte[] bytes) {
        return StateCodec.decode(bytes, FORMAT, "watch history", in -> {
            WatchHistory h = new WatchHistory();
            h.bucketMs = in.readLong();
            h.longestMs = in.readLong();
            h.baselineMs = in.readLong();
            h.lastClosed = in.readLong();
            h.baselineCount = readDouble(in);
            h.baselineAtMs = in.readLong();
            h.startFoldMs = in.readLong();
            h.startTotal = readDouble(in);
            h.priorTotal = readDouble(in);
            h.priorAtMs = in.readLong();
            h.priorSinceMs = in.readLong();
            h.alertId = readString(in);
            h.openedBucket = in.readLong();
            h.lastHotBucket = in.readLong();
            h.lastEventBucket = in.readLong();
            h.tier = in.readInt();
            h.cooldownUntilMs = in.readLong();
            for (int i = in.readInt(); i > 0; i--) {
                h.recent.put(in.readLong(), readBucket(in));
            }
            return h;
        });
    }

    private static void writeBucket(DataOutputStream out, ClosedBucket b) throws IOException {
        out.writeLong(b.counted());
        out.writeLong(b.articles());
        writeHashes(out, b.stories());
        writeHashes(out, b.sources());
        out.writeInt(b.evidence().size());
        for (AlertArticle a : b.evidence()) {
            writeArticle(out, a);
        }
    }

    private static ClosedBucket readBucket(DataInputStream in) throws IOException {
        long counted = in.readLong();
        long articles = in.readLong();
        IdHashes stories = readHashes(in);
        IdHashes sources = readHashes(in);
        int n = in.readInt();
        List<AlertArticle> evidence = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            evidence.add(readArticle(in));
        }
        return new ClosedBucket(counted, articles, stories, sources, evidence);
    }
}
