package io.newswatch.alerts.topology;

import io.newswatch.alerts.detect.ChangedPages;
import io.newswatch.alerts.detect.StreamVolume;
import io.newswatch.alerts.detect.StreamVolumeSerde;
import io.newswatch.alerts.detect.VolumePages;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The stream volume in its changelogged store, as {@link VolumePages}: a meta entry and one entry per page of slots.
 * {@link #save} writes only the pages that changed since the last save, and deletes those that pruning emptied: the
 * store is cached, so few records reach the changelog anyway, but a put serializes its value at once, and writing the
 * whole volume after every record cost the alerts thread about a tenth of its time in a replay.
 *
 * <p>State written before the pages (the whole volume under one key, binary or JSON) is read, then rewritten as pages at
 * the first save, in the same commit.
 */
final class StoredStreamVolume {

    private static final String META_KEY = "meta";
    /** Where versions before the pages kept the whole volume. */
    private static final String LEGACY_KEY = "stream";
    private static final String PAGE_KEY_PREFIX = "page ";

    private final KeyValueStore<String, byte[]> store;
    /** Entries to delete at the next save: the legacy value, or pages of another size. */
    private final List<String> superseded = new ArrayList<>();

    StoredStreamVolume(KeyValueStore<String, byte[]> store) {
        this.store = store;
    }

    /** The stored volume, or a new one when there is none. */
    StreamVolume load(Duration retention, Duration baseline) {
        byte[] meta = null;
        byte[] legacy = null;
        List<byte[]> pages = new ArrayList<>();
        List<String> pageKeys = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<String, byte[]> kv = it.next();
                if (kv.key.equals(META_KEY)) {
                    meta = kv.value;
                } else if (kv.key.equals(LEGACY_KEY)) {
                    legacy = kv.value;
                } else {
                    pages.add(kv.value);
                    pageKeys.add(kv.key);
                }
            }
        }
        if (legacy != null) {
            superseded.add(LEGACY_KEY);
        }
        if (meta != null) {
            StreamVolume v = VolumePages.read(meta, pages);
            if (VolumePages.slotsPerPage(meta) != VolumePages.SLOTS_PER_PAGE) {
                superseded.addAll(pageKeys);
                v.changedPages().everything(v);
            }
            return v;
        }
        if (legacy != null) {
            StreamVolume v = new StreamVolumeSerde().deserializer().deserialize(store.name(), legacy);
            v.changedPages().everything(v);
            return v;
        }
        return new StreamVolume(retention, baseline);
    }

    /** Writes what changed since the last save (or load): a page or two per record in a replay, often nothing. */
    void save(StreamVolume v) {
        ChangedPages changed = v.changedPages();
        if (changed.isEmpty()) {
            return;
        }
        superseded.forEach(store::delete); // before the pages: a page of a new size may reuse a key
        superseded.clear();
        for (long page : changed.pages()) {
            byte[] bytes = VolumePages.page(v, page);
            if (bytes == null) {
                store.delete(pageKey(page));
            } else {
                store.put(pageKey(page), bytes);
            }
        }
        if (changed.metaChanged()) {
            store.put(META_KEY, VolumePages.meta(v));
        }
        changed.clear();
    }

    private static String pageKey(long page) {
        return PAGE_KEY_PREFIX + page;
    }
}
