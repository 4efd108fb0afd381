package io.newswatch.alerts.detect;

import io.newswatch.core.AlertArticle;
import io.newswatch.core.JsonSerde;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
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
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
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
        } catch (IOException e) {
            throw new UncheckedIOException(e); // not from a byte array
        }
        return bytes.toByteArray();
    }

    static WatchHistory read(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte format = in.readByte();
            if (format != FORMAT) {
                throw new IllegalArgumentException("watch history state: unknown format " + format + " (a newer version wrote it?)");
            }
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
        } catch (IOException e) {
            throw new IllegalArgumentException("watch history state: truncated (" + bytes.length + " bytes)", e);
        }
    }

    private static void writeBucket(DataOutputStream out, ClosedBucket b) throws IOException {
        out.writeLong(b.counted());
        out.writeLong(b.articles());
        writeHashes(out, b.stories());
        writeHashes(out, b.sources());
        out.writeInt(b.evidence().size());
        for (AlertArticle a : b.evidence()) {
            writeString(out, a.id());
            writeString(out, a.title());
            writeString(out, a.link());
            writeString(out, a.source());
            out.writeBoolean(a.eventTime() != null);
            if (a.eventTime() != null) {
                out.writeLong(a.eventTime().getEpochSecond());
                out.writeInt(a.eventTime().getNano());
            }
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
            String id = readString(in);
            String title = readString(in);
            String link = readString(in);
            String source = readString(in);
            Instant eventTime = in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
            evidence.add(new AlertArticle(id, title, link, source, eventTime));
        }
        return new ClosedBucket(counted, articles, stories, sources, evidence);
    }

    /** The hashes as IdHashes keeps them in JSON (its own bytes), behind their length; -1 for none. */
    private static void writeHashes(DataOutputStream out, IdHashes hashes) throws IOException {
        if (hashes == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = hashes.toBytes();
        out.writeInt(b.length);
        out.write(b);
    }

    private static IdHashes readHashes(DataInputStream in) throws IOException {
        int n = in.readInt();
        return n < 0 ? null : IdHashes.fromBytes(in.readNBytes(n));
    }

    /** Raw bits: not even a NaN's payload is changed. */
    private static void writeDouble(DataOutputStream out, double d) throws IOException {
        out.writeLong(Double.doubleToRawLongBits(d));
    }

    private static double readDouble(DataInputStream in) throws IOException {
        return Double.longBitsToDouble(in.readLong());
    }

    /** UTF-8 behind its length; -1 for null. */
    private static void writeString(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        return new String(in.readNBytes(n), StandardCharsets.UTF_8);
    }
}
