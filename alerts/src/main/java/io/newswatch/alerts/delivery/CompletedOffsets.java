package io.newswatch.alerts.delivery;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Which alert-topic offsets may be committed: an alert's offset counts as done only when every delivery
 * it caused succeeded or was dead-lettered. The committable offset of a partition is the oldest one still
 * in flight (or one past the newest seen), so a crash redelivers what was in flight and loses nothing.
 * Thread-safe: the consumer thread adds, delivery threads complete.
 */
final class CompletedOffsets {

    private final Map<TopicPartition, TreeMap<Long, Integer>> pending = new HashMap<>();
    private final Map<TopicPartition, Long> nextToRead = new HashMap<>();

    /** Records that an offset was read and how many deliveries it needs (0: done at once). */
    synchronized void read(TopicPartition tp, long offset, int deliveries) {
        nextToRead.merge(tp, offset + 1, Math::max);
        if (deliveries > 0) {
            pending.computeIfAbsent(tp, k -> new TreeMap<>()).put(offset, deliveries);
        }
    }

    synchronized void done(TopicPartition tp, long offset) {
        TreeMap<Long, Integer> p = pending.get(tp);
        if (p == null) {
            return;
        }
        p.computeIfPresent(offset, (k, n) -> n <= 1 ? null : n - 1);
    }

    synchronized Map<TopicPartition, OffsetAndMetadata> committable() {
        Map<TopicPartition, OffsetAndMetadata> out = new HashMap<>();
        nextToRead.forEach((tp, next) -> {
            TreeMap<Long, Integer> p = pending.get(tp);
            long offset = p == null || p.isEmpty() ? next : p.firstKey();
            out.put(tp, new OffsetAndMetadata(offset));
        });
        return out;
    }

    synchronized void forget(TopicPartition tp) {
        pending.remove(tp);
        nextToRead.remove(tp);
    }

    synchronized int inFlight() {
        return pending.values().stream().mapToInt(m -> m.values().stream().mapToInt(Integer::intValue).sum()).sum();
    }
}
