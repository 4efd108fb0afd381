package io.newswatch.ingest.group;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads partitions of a compacted topic from their beginning to their end as it is when the read starts: how a
 * table topic (feeds, feed state) is loaded into memory. With an assigned consumer of no group, which it
 * re-assigns.
 */
final class PartitionReader {

    private PartitionReader() {
    }

    /**
     * Feeds every record of {@code partitions} to {@code sink}, in offset order per partition, and returns the end
     * offset each partition was read to.
     *
     * @throws IllegalStateException when the end is not reached within {@code timeout}
     */
    static Map<TopicPartition, Long> readToEnd(KafkaConsumer<String, byte[]> consumer, Collection<TopicPartition> partitions,
            Duration timeout, Consumer<ConsumerRecord<String, byte[]>> sink) {
        List<TopicPartition> parts = List.copyOf(partitions);
        consumer.assign(parts);
        consumer.seekToBeginning(parts);
        Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(parts, timeout));
        long deadline = System.nanoTime() + timeout.toNanos();
        while (parts.stream().anyMatch(tp -> consumer.position(tp, timeout) < end.get(tp))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out reading " + parts + " to their end after " + timeout);
            }
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) {
                    sink.accept(r);
                }
            }
        }
        consumer.assign(List.of());
        return end;
    }
}
