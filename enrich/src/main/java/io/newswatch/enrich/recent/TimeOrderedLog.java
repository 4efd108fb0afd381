package io.newswatch.enrich.recent;

import java.nio.ByteBuffer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * A changelogged store of entries in event-time order, for state that is the record of truth behind an in-memory index
 * (dedup's last-seen times, story ids' buckets): one write per article, the index rebuilt from it when a task starts,
 * and entries past their span expired in time order.
 *
 * <p>Keys are the event time (big-endian, sign bit flipped, so unsigned byte order is time order) and a 64-bit id that
 * tells entries of one millisecond apart. Because the store is in time order, expiring is a range scan from where the
 * last one stopped: it never steps over what earlier expiries deleted (RocksDB keeps a marker for each deletion until
 * compaction) and never reads what is still young, where a store keyed by anything else would be read whole each time.
 */
public final class TimeOrderedLog {

    /** What a scan hands over: one entry. */
    public interface Entry {
        void accept(long eventTimeMs, long id, byte[] value);
    }

    private final KeyValueStore<Bytes, byte[]> store;
    /** Everything before this time has been expired (in this task's life; from the beginning after a restart). */
    private long expiredBefore = Long.MIN_VALUE;

    public TimeOrderedLog(KeyValueStore<Bytes, byte[]> store) {
        this.store = store;
    }

    /** Persistent (RocksDB), with a changelog (the fault tolerance), no record cache: each key is written once. */
    public static StoreBuilder<KeyValueStore<Bytes, byte[]>> storeBuilder(String name) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.Bytes(), Serdes.ByteArray());
    }

    public void put(long eventTimeMs, long id, byte[] value) {
        store.put(key(eventTimeMs, id), value);
    }

    /** Every entry, in time order. */
    public void forEach(Entry entry) {
        try (KeyValueIterator<Bytes, byte[]> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<Bytes, byte[]> kv = all.next();
                entry.accept(timeOf(kv.key), idOf(kv.key), kv.value);
            }
        }
    }

    /** Deletes every entry older than {@code cutoffMs}, handing each to {@code expired} first, in time order. */
    public void expireBefore(long cutoffMs, Entry expired) {
        if (cutoffMs <= expiredBefore) {
            return;
        }
        // The range is inclusive; a time floor is 8 bytes and every key is 16, so no entry equals either end.
        try (KeyValueIterator<Bytes, byte[]> old = store.range(timeFloor(expiredBefore), timeFloor(cutoffMs))) {
            while (old.hasNext()) {
                KeyValue<Bytes, byte[]> kv = old.next();
                expired.accept(timeOf(kv.key), idOf(kv.key), kv.value);
                store.put(kv.key, null); // a delete without the read that delete() does to return the old value
            }
        }
        expiredBefore = cutoffMs;
    }

    static Bytes key(long eventTimeMs, long id) {
        return Bytes.wrap(ByteBuffer.allocate(16).putLong(eventTimeMs ^ Long.MIN_VALUE).putLong(id).array());
    }

    private static Bytes timeFloor(long eventTimeMs) {
        return Bytes.wrap(ByteBuffer.allocate(8).putLong(eventTimeMs ^ Long.MIN_VALUE).array());
    }

    /** Event time of a key of this store. */
    public static long timeOf(Bytes key) {
        return ByteBuffer.wrap(key.get()).getLong() ^ Long.MIN_VALUE;
    }

    private static long idOf(Bytes key) {
        return ByteBuffer.wrap(key.get()).getLong(8);
    }
}
