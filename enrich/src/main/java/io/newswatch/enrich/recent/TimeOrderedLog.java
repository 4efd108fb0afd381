package io.newswatch.enrich.recent;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * A changelogged store of entries in event-time order, for state that is the record of truth behind an in-memory index
 * (dedup's last-seen times, story ids' buckets): one entry per article, the index rebuilt from it when a task starts,
 * and entries past their span expired in time order.
 *
 * <p>Entries are kept in pages ({@link LogPage}) of a few KB, not one per store key: the page that takes new entries is
 * written again at each put, so the store always holds the state (exactly-once commits it with the offsets), and the
 * store's record cache turns the many puts of a page within a commit interval into one RocksDB write and one changelog
 * record. One store key per entry cost a changelog record for each put and another for each expiry: with pages that is
 * about one record per page closed (plus the open page once per commit), and one tombstone per page expired.
 *
 * <p>A page's key is the event time of its first entry (big-endian, sign bit flipped, so unsigned byte order is time
 * order) and that entry's id, then a byte that tells a page from a key of the layout before pages (16 bytes, one entry,
 * the value as given), still read as a page of one. Pages never overlap: each holds the entries from its key up to the
 * next page's, in order, so reading the store in key order reads every entry in time order. An entry that comes late
 * (the event-time merge forwards late articles as they come) goes into the page whose span it falls in, not the
 * newest; a page grown past twice the size that way is split. An entry for the same time and id as one already in the
 * log replaces it, as a put of the same key did when each entry had a key of its own.
 *
 * <p>Because the store is in time order, expiring is a range scan from the oldest page: it never steps over what
 * earlier expiries deleted (RocksDB keeps a marker for each deletion until compaction) and never reads what is still
 * young. A page whose entries have all expired is deleted; one only partly expired (the last one reached, usually) is
 * written again with the rest, under its key, so the log holds exactly the entries not yet expired and a restarted task
 * rebuilds the index the uninterrupted one has.
 */
public final class TimeOrderedLog {

    /** What a scan hands over: one entry. */
    public interface Entry {
        void accept(long eventTimeMs, long id, byte[] value);
    }

    /**
     * The size at which the newest page is closed and a new one started. Each put copies the page (about half of this on
     * average, an entry is some 40 bytes), and a page is about one changelog record per this many bytes of entries.
     */
    static final int PAGE_BYTES = 4096;

    private static final int PAGE_KEY_LENGTH = 17;
    private static final byte PAGE_KEY_MARK = 1;
    private static final Bytes LOWEST = timeFloor(Long.MIN_VALUE);

    private final KeyValueStore<Bytes, byte[]> store;
    /** The page with the greatest key, which entries in time order go to; null until looked up after a start or expiry. */
    private Bytes newestKey;
    private LogPage newest;
    /** No page has a key before this time (in this task's life; from the beginning after a restart). */
    private long oldestKeyMs = Long.MIN_VALUE;

    public TimeOrderedLog(KeyValueStore<Bytes, byte[]> store) {
        this.store = store;
    }

    /** Persistent (RocksDB), with a changelog (the fault tolerance) and a record cache that merges a page's rewrites. */
    public static StoreBuilder<KeyValueStore<Bytes, byte[]>> storeBuilder(String name) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.Bytes(), Serdes.ByteArray())
                .withCachingEnabled();
    }

    public void put(long eventTimeMs, long id, byte[] value) {
        oldestKeyMs = Math.min(oldestKeyMs, eventTimeMs);
        Bytes entryKey = pageKey(eventTimeMs, id);
        if (newestKey == null) {
            findNewest(); // after a start: a restarted task goes on with the page it last wrote
        }
        boolean toNewest = newestKey != null && entryKey.compareTo(newestKey) >= 0;
        KeyValue<Bytes, LogPage> at = toNewest ? KeyValue.pair(newestKey, newest) : pageAtOrBefore(entryKey);
        if (at == null || at.value.endsBefore(eventTimeMs, id) && at.value.bytes().length >= PAGE_BYTES) {
            LogPage page = LogPage.of(eventTimeMs, id, value);
            store.put(entryKey, page.bytes());
            if (toNewest || newestKey == null) {
                newestKey = entryKey;
                newest = page;
            }
            return;
        }
        LogPage page = at.value.with(eventTimeMs, id, value);
        int middle = page.bytes().length >= 2 * PAGE_BYTES ? page.middle() : 0;
        if (middle > 0) { // grown by late entries (or one large one): two pages, so each put copies no more than before
            write(at.key, page.before(middle));
            page = page.from(middle);
            store.put(pageKey(page.firstTimeMs(), page.firstId()), page.bytes());
            if (toNewest) {
                newestKey = pageKey(page.firstTimeMs(), page.firstId());
                newest = page;
            }
        } else {
            Bytes key = write(at.key, page);
            if (toNewest) {
                newestKey = key;
                newest = page;
            }
        }
    }

    /** Every entry, in time order. */
    public void forEach(Entry entry) {
        try (KeyValueIterator<Bytes, byte[]> all = store.all()) {
            for (KeyValue<Bytes, byte[]> kv = nextPage(all); kv != null; kv = nextPage(all)) {
                pageOf(kv).forEach(entry);
            }
        }
    }

    /** Deletes every entry older than {@code cutoffMs}, handing each to {@code expired} first, in time order. */
    public void expireBefore(long cutoffMs, Entry expired) {
        if (cutoffMs <= oldestKeyMs) {
            return;
        }
        // Written after the scan, so that it reads the store as it was. Pages whose key is before the cutoff hold every
        // entry before it (a page's key is never after its entries); the range is inclusive, a time floor is 8 bytes and
        // every key longer, so no key equals either end.
        List<Bytes> deleted = new ArrayList<>();
        List<KeyValue<Bytes, LogPage>> rest = new ArrayList<>();
        long oldestKept = cutoffMs;
        try (KeyValueIterator<Bytes, byte[]> old = store.range(timeFloor(oldestKeyMs), timeFloor(cutoffMs))) {
            for (KeyValue<Bytes, byte[]> kv = nextPage(old); kv != null; kv = nextPage(old)) {
                LogPage page = pageOf(kv);
                int young = page.offsetOf(cutoffMs);
                page.forEachBefore(young, expired);
                if (young == page.bytes().length) {
                    deleted.add(kv.key);
                } else {
                    oldestKept = Math.min(oldestKept, timeOf(kv.key));
                    if (young > 0) {
                        rest.add(KeyValue.pair(kv.key, page.from(young)));
                    }
                }
            }
        }
        for (Bytes key : deleted) {
            store.put(key, null); // a delete without the read that delete() does to return the old value
        }
        for (KeyValue<Bytes, LogPage> page : rest) {
            write(page.key, page.value);
        }
        if (!deleted.isEmpty() || !rest.isEmpty()) {
            newestKey = null; // looked up again at the next put, in case it was one of these
            newest = null;
        }
        oldestKeyMs = oldestKept;
    }

    /** Writes a page under its key; an entry of the layout before pages becomes a page under a page key. */
    private Bytes write(Bytes key, LogPage page) {
        if (key.get().length == PAGE_KEY_LENGTH) {
            store.put(key, page.bytes());
            return key;
        }
        store.put(key, null);
        Bytes pageKey = pageKey(page.firstTimeMs(), page.firstId());
        store.put(pageKey, page.bytes());
        return pageKey;
    }

    private void findNewest() {
        try (KeyValueIterator<Bytes, byte[]> last = store.reverseAll()) {
            KeyValue<Bytes, byte[]> kv = nextPage(last);
            if (kv != null) {
                newestKey = kv.key;
                newest = pageOf(kv);
            }
        }
    }

    /** The page whose span an entry at this key falls in, or null when the entry is before every page. */
    private KeyValue<Bytes, LogPage> pageAtOrBefore(Bytes entryKey) {
        try (KeyValueIterator<Bytes, byte[]> before = store.reverseRange(LOWEST, entryKey)) {
            KeyValue<Bytes, byte[]> kv = nextPage(before);
            return kv == null ? null : KeyValue.pair(kv.key, pageOf(kv));
        }
    }

    /**
     * The iterator's next entry that holds a page, or null at the end. An iterator of a cached store can hand over a key
     * deleted within the current commit interval with no value (seen with reverse iteration, in a replay of 500,000
     * articles); a deleted page is no page. In Kafka Streams 4.4 a reverse scan of a cached store skips deleted cache
     * entries as if it ran forwards: past its first page, it can also give back a page deleted in this interval with its
     * old value. Only the first page of a reverse scan is trusted, and that is all this class reads of one.
     */
    private static KeyValue<Bytes, byte[]> nextPage(KeyValueIterator<Bytes, byte[]> it) {
        while (it.hasNext()) {
            KeyValue<Bytes, byte[]> kv = it.next();
            if (kv.value != null) {
                return kv;
            }
        }
        return null;
    }

    private static LogPage pageOf(KeyValue<Bytes, byte[]> kv) {
        return kv.key.get().length == PAGE_KEY_LENGTH ? LogPage.read(kv.value) : LogPage.of(timeOf(kv.key), idOf(kv.key), kv.value);
    }

    static Bytes pageKey(long eventTimeMs, long id) {
        return Bytes.wrap(ByteBuffer.allocate(PAGE_KEY_LENGTH).putLong(eventTimeMs ^ Long.MIN_VALUE).putLong(id)
                .put(PAGE_KEY_MARK).array());
    }

    /** The key of an entry in the layout before pages: one entry per key, the value as given. */
    static Bytes oldLayoutKey(long eventTimeMs, long id) {
        return Bytes.wrap(ByteBuffer.allocate(16).putLong(eventTimeMs ^ Long.MIN_VALUE).putLong(id).array());
    }

    private static Bytes timeFloor(long eventTimeMs) {
        return Bytes.wrap(ByteBuffer.allocate(8).putLong(eventTimeMs ^ Long.MIN_VALUE).array());
    }

    private static long timeOf(Bytes key) {
        return ByteBuffer.wrap(key.get()).getLong() ^ Long.MIN_VALUE;
    }

    private static long idOf(Bytes key) {
        return ByteBuffer.wrap(key.get()).getLong(8);
    }
}
