package io.newswatch.eventtime;

import java.nio.ByteBuffer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * A promise from one upstream partition: no record with an event time below {@code timeMs} will follow
 * from it, except records marked late. An idle partition ({@code idle}) has had no record for a while and
 * is left out of the minimum until it speaks again.
 *
 * <p>On the wire a watermark is a record with key {@link #KEY}, no value, and this header; the record's
 * own timestamp is the watermark clamped at 0, because Kafka refuses negative timestamps.
 */
public record Watermark(int sourcePartition, long timeMs, boolean idle) {

    /** The key of watermark records; no article id can start with a NUL character. */
    public static final String KEY = "\u0000watermark";
    static final String HEADER = "newswatch.watermark";
    /** Set on a record that arrived after its own partition's watermark had passed it. */
    static final String LATE_HEADER = "newswatch.late";

    public static boolean isWatermark(String key, Headers headers) {
        return KEY.equals(key) && headers.lastHeader(HEADER) != null;
    }

    public static boolean isLate(Headers headers) {
        return headers.lastHeader(LATE_HEADER) != null;
    }

    /**
     * The headers of a watermark record as a merge sends it downstream, for producing one by hand: a test, or a
     * tool that writes an enriched topic itself and must tell alerts how far it has written.
     */
    public static Headers downstreamHeaders(long timeMs) {
        return new Watermark(-1, timeMs, false).toHeaders();
    }

    static Headers lateHeaders(Headers original) {
        Headers h = new RecordHeaders(original.toArray());
        h.remove(LATE_HEADER);
        h.add(LATE_HEADER, new byte[] {1});
        return h;
    }

    Headers toHeaders() {
        ByteBuffer b = ByteBuffer.allocate(13).putLong(timeMs).putInt(sourcePartition).put((byte) (idle ? 1 : 0));
        return new RecordHeaders().add(HEADER, b.array());
    }

    /** Reads a watermark record's header. */
    public static Watermark from(Headers headers) {
        Header h = headers.lastHeader(HEADER);
        if (h == null || h.value() == null || h.value().length != 13) {
            throw new IllegalArgumentException("watermark record without a valid " + HEADER + " header");
        }
        ByteBuffer b = ByteBuffer.wrap(h.value());
        long time = b.getLong();
        int partition = b.getInt();
        return new Watermark(partition, time, b.get() == 1);
    }

    long recordTimestamp() {
        return Math.max(0, timeMs);
    }
}
