package io.newswatch.enrich.recent;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * One page of a {@link TimeOrderedLog}: entries (event time, id, value) packed in one store value, sorted by time and
 * then id (unsigned, the order of the store's keys), each id at most once per time. Immutable: the store's record cache
 * keeps the array it is given, so every change makes a new one; the copy is the cost of a write, hence the small pages.
 *
 * <p>Layout, per entry: event time (8 bytes), id (8), value length (4), value. No header: the store key tells a page
 * from an entry of the old layout (one entry per key), which the log reads as a page of one ({@link #of}).
 */
final class LogPage {

    private static final int ENTRY_HEADER = 20;

    private final byte[] bytes;
    private final long lastTimeMs;
    private final long lastId;

    private LogPage(byte[] bytes, long lastTimeMs, long lastId) {
        this.bytes = bytes;
        this.lastTimeMs = lastTimeMs;
        this.lastId = lastId;
    }

    /** A page of one entry. */
    static LogPage of(long eventTimeMs, long id, byte[] value) {
        return new LogPage(ByteBuffer.allocate(ENTRY_HEADER + value.length).putLong(eventTimeMs).putLong(id)
                .putInt(value.length).put(value).array(), eventTimeMs, id);
    }

    /** A page as stored (never empty). */
    static LogPage read(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        int last = 0;
        while (b.hasRemaining()) {
            last = b.position();
            b.position(last + ENTRY_HEADER + b.getInt(last + 16));
        }
        return new LogPage(bytes, b.getLong(last), b.getLong(last + 8));
    }

    byte[] bytes() {
        return bytes;
    }

    /** Whether an entry at this time and id would sort after every entry of this page. */
    boolean endsBefore(long eventTimeMs, long id) {
        return compare(eventTimeMs, id, lastTimeMs, lastId) > 0;
    }

    /**
     * This page with the entry added in its place. An entry already here at the same time and id is replaced, as a put
     * of the same key replaced it when each entry had a key of its own.
     */
    LogPage with(long eventTimeMs, long id, byte[] value) {
        if (endsBefore(eventTimeMs, id)) { // the usual case: entries mostly come in time order
            byte[] page = ByteBuffer.allocate(bytes.length + ENTRY_HEADER + value.length).put(bytes)
                    .putLong(eventTimeMs).putLong(id).putInt(value.length).put(value).array();
            return new LogPage(page, eventTimeMs, id);
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        int at = 0;
        while (compare(b.getLong(at), b.getLong(at + 8), eventTimeMs, id) < 0) {
            at += ENTRY_HEADER + b.getInt(at + 16);
        }
        boolean replaces = b.getLong(at) == eventTimeMs && b.getLong(at + 8) == id;
        int resumeAt = replaces ? at + ENTRY_HEADER + b.getInt(at + 16) : at;
        byte[] page = ByteBuffer.allocate(at + ENTRY_HEADER + value.length + bytes.length - resumeAt).put(bytes, 0, at)
                .putLong(eventTimeMs).putLong(id).putInt(value.length).put(value)
                .put(bytes, resumeAt, bytes.length - resumeAt).array();
        return new LogPage(page, lastTimeMs, lastId);
    }

    /** Every entry, in order. */
    void forEach(TimeOrderedLog.Entry entry) {
        forEachBefore(bytes.length, entry);
    }

    /** The entries before {@code offset} (the start of an entry, e.g. from {@link #offsetOf}), in order. */
    void forEachBefore(int offset, TimeOrderedLog.Entry entry) {
        ByteBuffer b = ByteBuffer.wrap(bytes, 0, offset);
        while (b.hasRemaining()) {
            long time = b.getLong();
            long id = b.getLong();
            byte[] value = new byte[b.getInt()];
            b.get(value);
            entry.accept(time, id, value);
        }
    }

    /** Where the entries at or after {@code cutoffMs} start: 0 when none is older, the length when all are. */
    int offsetOf(long cutoffMs) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        int at = 0;
        while (at < bytes.length && b.getLong(at) < cutoffMs) {
            at += ENTRY_HEADER + b.getInt(at + 16);
        }
        return at;
    }

    /** The page from {@code offset} on: the entries at or after a cutoff, or the second half of a split. */
    LogPage from(int offset) {
        return new LogPage(Arrays.copyOfRange(bytes, offset, bytes.length), lastTimeMs, lastId);
    }

    /** The page before {@code offset}: the first half of a split. */
    LogPage before(int offset) {
        return read(Arrays.copyOf(bytes, offset));
    }

    /** Where an entry starts near the middle (the first at or after it), for a split; 0 for a page of one entry. */
    int middle() {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        int at = 0;
        while (at < bytes.length / 2) {
            at += ENTRY_HEADER + b.getInt(at + 16);
        }
        return at == bytes.length ? 0 : at;
    }

    long firstTimeMs() {
        return ByteBuffer.wrap(bytes).getLong(0);
    }

    long firstId() {
        return ByteBuffer.wrap(bytes).getLong(8);
    }

    /** Time, then id unsigned: the order of big-endian keys with the time's sign bit flipped. */
    static int compare(long timeA, long idA, long timeB, long idB) {
        int byTime = Long.compare(timeA, timeB);
        return byTime != 0 ? byTime : Long.compareUnsigned(idA, idB);
    }
}
