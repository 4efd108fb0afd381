package io.newswatch.eventtime;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Sends a {@link Watermark} record to every partition of the topic and any other record where Kafka's default
 * partitioner puts it. Enrich writes its merge's watermarks into the enriched topic this way, so that each of
 * alerts' input partitions learns how far enrich has released (see {@link WatermarkPolicy#fromUpstream()}).
 */
public final class WatermarkBroadcast<V> implements StreamPartitioner<String, V> {

    /** Still abstract in Kafka 4.4 though deprecated: Kafka calls the variant with headers, below. */
    @Override
    @SuppressWarnings("removal")
    public Optional<Set<Integer>> partitions(String topic, String key, V value, int numPartitions) {
        return Optional.empty();
    }

    @Override
    public Optional<Set<Integer>> partitions(String topic, String key, V value, Headers headers, int numPartitions) {
        if (Watermark.isWatermark(key, headers)) {
            return Optional.of(IntStream.range(0, numPartitions).boxed().collect(Collectors.toSet()));
        }
        return Optional.empty();
    }
}
