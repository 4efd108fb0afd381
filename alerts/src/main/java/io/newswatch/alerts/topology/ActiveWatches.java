package io.newswatch.alerts.topology;

import io.newswatch.alerts.watch.InvalidWatchException;
import io.newswatch.alerts.watch.WatchValidator;
import io.newswatch.core.Watch;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The current watches, read from the global watches store (raw JSON bytes, as on the topic) and turned
 * into something compiled ({@code T}: a matcher, a detector) only when a watch's bytes change. That is how
 * a running topology picks up {@code newswatch watch add|remove} without a restart: the global store
 * follows the compacted topic, and this view notices on the next record. A watch on the topic that does
 * not decode or validate is skipped with one warning per distinct value.
 *
 * <p>The store is read again only when {@link WatchesStoreUpdater} has written to it since the last read, or when
 * {@link #FULL_READ_INTERVAL} has passed: reading it per article cost about a twelfth of the alerts thread in a replay, and
 * a restore of the store from the topic (at a reset of the global consumer) writes to it without that processor, so it
 * is seen within the interval. A watch added or removed is seen on the next record, as before.
 */
final class ActiveWatches<T extends AutoCloseable> {

    private static final Logger LOG = LoggerFactory.getLogger(ActiveWatches.class);

    private record Entry<T>(byte[] raw, T compiled) {
    }

    /** How long a restore of the store, which the write count misses, may go unseen. */
    static final Duration FULL_READ_INTERVAL = Duration.ofSeconds(1);

    private final WatchValidator validator;
    private final Function<Watch, T> compiler;
    private final WatchStoreWrites writes;
    private final LongSupplier nanoTime;
    /** The write count and the time ({@link System#nanoTime}) of the last read; no read yet while {@code readOnce} is false. */
    private long writesAtRead;
    private long readAtNanos;
    private boolean readOnce;
    private final Map<String, Entry<T>> byId = new HashMap<>();
    private final Set<Integer> warned = new HashSet<>();
    /** What {@link #refresh} returned last; the same object until a watch changes, so callers can cache on it. */
    private Map<String, T> view = Map.of();

    ActiveWatches(WatchValidator validator, Function<Watch, T> compiler, WatchStoreWrites writes) {
        this(validator, compiler, writes, System::nanoTime);
    }

    /** @param nanoTime the clock of the interval between full reads ({@link System#nanoTime} but in tests) */
    ActiveWatches(WatchValidator validator, Function<Watch, T> compiler, WatchStoreWrites writes, LongSupplier nanoTime) {
        this.validator = validator;
        this.compiler = compiler;
        this.writes = writes;
        this.nanoTime = nanoTime;
    }

    /**
     * Re-reads the store if it may have changed; returns the compiled enabled watches by id, unmodifiable. While no watch
     * changes, the very same map is returned: callers may keep what they derived from it until the identity changes.
     */
    Map<String, T> refresh(ReadOnlyKeyValueStore<String, byte[]> store) {
        long count = writes.count(); // before the read: a write during it is read again next time
        long now = nanoTime.getAsLong();
        if (readOnce && count == writesAtRead && now - readAtNanos < FULL_READ_INTERVAL.toNanos()) {
            return view;
        }
        readOnce = true;
        writesAtRead = count;
        readAtNanos = now;
        boolean changed = false;
        Set<String> seen = new HashSet<>();
        try (KeyValueIterator<String, byte[]> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<String, byte[]> kv = it.next();
                seen.add(kv.key);
                Entry<T> current = byId.get(kv.key);
                if (current != null && Arrays.equals(current.raw(), kv.value)) {
                    continue;
                }
                closeQuietly(current);
                byId.put(kv.key, new Entry<>(kv.value, compile(kv.key, kv.value)));
                changed = true;
            }
        }
        for (var it = byId.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            if (!seen.contains(e.getKey())) {
                closeQuietly(e.getValue());
                it.remove();
                changed = true;
            }
        }
        if (changed) {
            Map<String, T> out = new HashMap<>();
            byId.forEach((id, e) -> {
                if (e.compiled() != null) {
                    out.put(id, e.compiled());
                }
            });
            view = Collections.unmodifiableMap(out);
        }
        return view;
    }

    private T compile(String id, byte[] raw) {
        try {
            Watch w = validator.validate(validator.topics().watchTable().value(raw));
            if (!id.equals(w.id())) {
                throw new InvalidWatchException(w.id(), "id", "differs from the record key '" + id + "'");
            }
            return w.enabled() ? compiler.apply(w) : null;
        } catch (SerializationException | InvalidWatchException e) {
            if (warned.add(Arrays.hashCode(raw))) {
                LOG.warn("ignoring watch '{}' on the watches topic: {}", id, e.getMessage());
            }
            return null;
        }
    }

    private static void closeQuietly(Entry<? extends AutoCloseable> e) {
        if (e != null && e.compiled() != null) {
            try {
                e.compiled().close();
            } catch (Exception ignored) {
                // Closing a compiled matcher frees memory only; nothing to report.
            }
        }
    }

    void close() {
        byId.values().forEach(ActiveWatches::closeQuietly);
        byId.clear();
    }
}
