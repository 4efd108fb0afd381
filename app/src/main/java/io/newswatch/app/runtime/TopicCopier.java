package io.newswatch.app.runtime;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Copies a topic's committed records, as they are (key, value, headers and timestamp, which is the
 * article's event time), to another topic, up to the end the source had when the copy started. The
 * replay's first step: a backtest reads its own copy of the stored articles, never the live topic.
 */
public final class TopicCopier {

    private static final Duration POLL = Duration.ofMillis(500);

    private TopicCopier() {
    }

    /** @return how many records were copied */
    public static long copy(Properties clientProperties, String from, String to) {
        Properties c = new Properties();
        c.putAll(clientProperties);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        c.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "newswatch-replay-copy");
        Properties p = new Properties();
        p.putAll(clientProperties);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, "20");
        p.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        long copied = 0;
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer());
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(from, Duration.ofSeconds(30)).stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            if (partitions.isEmpty()) {
                throw new IllegalStateException("topic " + from + " does not exist");
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> remaining = new HashMap<>(consumer.endOffsets(partitions));
            while (true) {
                remaining.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
                if (remaining.isEmpty()) {
                    break;
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL)) {
                    // Partition left to the key: the copy may have another partition count than the source.
                    producer.send(new ProducerRecord<>(to, null, r.timestamp(), r.key(), r.value(), r.headers()), (meta, e) -> {
                        if (e != null) {
                            failure.compareAndSet(null, e);
                        }
                    });
                    copied++;
                }
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("copying " + from + " to " + to + " failed: " + failure.get().getMessage(), failure.get());
        }
        return copied;
    }
}
