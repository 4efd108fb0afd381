package io.newswatch.alerts.topology;

import io.newswatch.alerts.detect.StreamVolume;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * One input partition's article counts per volume slot, not yet reported to the detector: partial aggregation, so that
 * the articles that match no watch need not travel through the event-time merge one by one.
 *
 * <p>A slot is reported once this partition's watermark passes its end (every article of it on this partition has
 * been seen, since enrich writes each partition in event-time order), in one report stamped inside the earliest slot
 * it carries and not before the previous watermark. So the merge never finds it late, and releases it before any
 * article of a later bucket: the detector has every partition's volume of a bucket before it judges that bucket.
 *
 * <p>Counts live in a changelogged store so that a restart neither loses counted articles nor counts them twice
 * (with exactly-once, the store and the input offsets commit together).
 */
final class PartitionVolume {

    /** Store key of the last watermark seen (slot indexes are far from it). */
    private static final long LAST_WATERMARK_KEY = Long.MIN_VALUE;

    private final KeyValueStore<Long, Long> store;
    private final TreeMap<Long, Long> pending = new TreeMap<>();
    private long lastWatermarkMs = Long.MIN_VALUE;

    PartitionVolume(KeyValueStore<Long, Long> store) {
        this.store = store;
        try (KeyValueIterator<Long, Long> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<Long, Long> kv = it.next();
                if (kv.key == LAST_WATERMARK_KEY) {
                    lastWatermarkMs = kv.value;
                } else {
                    pending.put(kv.key, kv.value);
                }
            }
        }
    }

    /** Counts one article of this partition. */
    void count(long eventTimeMs) {
        long slot = StreamVolume.slotOf(eventTimeMs);
        long n = pending.merge(slot, 1L, Long::sum);
        store.put(slot, n);
    }

    /** The report of every slot that ends by this new watermark, if any; forgets them. */
    Optional<ArticleHits> report(long watermarkMs) {
        Map<Long, Long> complete = pending.headMap(Math.floorDiv(watermarkMs, StreamVolume.SLOT_MS), false);
        long previous = lastWatermarkMs;
        if (watermarkMs > lastWatermarkMs) {
            lastWatermarkMs = watermarkMs;
            store.put(LAST_WATERMARK_KEY, watermarkMs);
        }
        if (complete.isEmpty()) {
            return Optional.empty();
        }
        long stamp = Math.max(previous, complete.keySet().iterator().next() * StreamVolume.SLOT_MS);
        ArticleHits report = ArticleHits.volume(Instant.ofEpochMilli(stamp), complete);
        complete.keySet().forEach(store::delete);
        complete.clear();
        return Optional.of(report);
    }
}
