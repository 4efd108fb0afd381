package io.newswatch.ingest.schedule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The article ids one feed has already published, most recent kept, bounded: a feed lists its latest
 * N items, so remembering a few times N ids is enough to avoid re-sending them on every poll, and the
 * bound keeps memory flat however long the service runs. Evicted ids may be re-sent if the feed lists
 * them again; the enrich stage deduplicates. Not thread-safe: one feed is polled by one thread at a time.
 */
public final class SeenIds {

    private static final int INITIAL_CAPACITY = 64;

    private final Map<String, Boolean> ids;

    public SeenIds(int capacity) {
        // Starts small and grows with the ids: a table sized for the capacity up front cost 4 KB per feed before its first
        // item (120 MB at 30,000 feeds), while most feeds list 10 to 50 items.
        this.ids = new LinkedHashMap<>(Math.min(capacity, INITIAL_CAPACITY), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** True when the id was seen before (and marks it as recently seen). */
    public boolean contains(String id) {
        return ids.get(id) != null;
    }

    public void add(String id) {
        ids.put(id, Boolean.TRUE);
    }

    /** Forgets an id, so it is sent again (its publish failed). */
    public void remove(String id) {
        ids.remove(id);
    }

    public int size() {
        return ids.size();
    }

    /** The {@code limit} most recently seen ids, oldest first: adding them in this order to an empty set restores their recency. */
    public List<String> mostRecent(int limit) {
        List<String> all = new ArrayList<>(ids.keySet()); // access order: least recently seen first
        return List.copyOf(all.subList(Math.max(0, all.size() - limit), all.size()));
    }
}
