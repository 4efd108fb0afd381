package io.newswatch.core;

import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * "Read a topic to its current end", in one place: the end offsets some partitions had when a read started, and
 * whether a consumer has got there. Every reader that reads up to where a topic was (the watch list, the webhook
 * dispatcher catching up on watches, a replay's copy, {@code tail} without {@code -f}) takes its ends from here, so a
 * record written after the read started never keeps it going.
 *
 * <p>Read committed, the end offset is the last stable offset: a reader does not wait for an open transaction.
 */
public final class EndOffsets {

    private static final Duration POLL = Duration.ofMillis(100);

    /** What a read does with each record. */
    @FunctionalInterface
    public interface RecordHandler<K, V> {
        void handle(ConsumerRecord<K, V> record);
    }

    private final Map<TopicPartition, Long> ends;

    private EndOffsets(Map<TopicPartition, Long> ends) {
        this.ends = Map.copyOf(ends);
    }

    /** The current ends of {@code partitions}. */
    public static EndOffsets of(Consumer<?, ?> consumer, Collection<TopicPartition> partitions, Duration timeout) {
        return new EndOffsets(consumer.endOffsets(partitions, timeout));
    }

    /** Assigns {@code consumer} every partition of {@code topic}, from the beginning; returns them, by number. */
    public static List<TopicPartition> assignFromBeginning(Consumer<?, ?> consumer, String topic, Duration timeout) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                .map(i -> new TopicPartition(i.topic(), i.partition()))
                .sorted(Comparator.comparingInt(TopicPartition::partition))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return partitions;
    }

    /**
     * Reads {@code consumer}'s assigned partitions from where it stands to their current ends, handing each record to
     * {@code each}. Records past an end (written meanwhile) may be handed over too, as a poll returns them.
     *
     * @return false when {@code timeout} passed first
     */
    public static <K, V> boolean readToEnd(Consumer<K, V> consumer, Duration timeout, RecordHandler<K, V> each) {
        long deadline = System.nanoTime() + timeout.toNanos();
        EndOffsets ends = of(consumer, consumer.assignment(), timeout);
        while (!ends.reachedAll(consumer)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            consumer.poll(POLL).forEach(each::handle);
        }
        return true;
    }

    /** Whether {@code consumer} has read {@code partition} to its end. */
    public boolean reached(Consumer<?, ?> consumer, TopicPartition partition) {
        return consumer.position(partition) >= end(partition);
    }

    /** Whether {@code consumer} has read every partition to its end. */
    public boolean reachedAll(Consumer<?, ?> consumer) {
        return ends.keySet().stream().allMatch(tp -> reached(consumer, tp));
    }

    /** Whether {@code record} was on its partition before the read started. */
    public boolean before(ConsumerRecord<?, ?> record) {
        return record.offset() < end(new TopicPartition(record.topic(), record.partition()));
    }

    /** The end of {@code partition}; 0 for a partition this read did not look at. */
    public long end(TopicPartition partition) {
        return ends.getOrDefault(partition, 0L);
    }
}
