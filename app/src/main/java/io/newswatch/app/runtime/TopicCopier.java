package io.newswatch.app.runtime;

import io.newswatch.core.EndOffsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;
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
 * Copies the committed records of one or more topics, as they are (key, value, headers and timestamp, which is the
 * article's event time), into another topic, up to the ends the sources had when the copy started. The replay's
 * first step: a backtest reads its own copy of the stored articles, never the live topics.
 *
 * <p>Partition {@code p} of every source goes to partition {@code p} of the copy, so each partition of the copy is as
 * much in event-time order as its sources were: the event-time merge downstream tolerates partitions far apart, but
 * judges lateness within a partition. Where several sources feed one partition (imported history and live articles),
 * their records are merged by timestamp, the way a Kafka Streams task picks among its input partitions.
 */
public final class TopicCopier {

    private static final Duration POLL = Duration.ofMillis(500);
    /** A source partition whose queue holds this many records is paused until the merge has used them. */
    private static final int QUEUE_LIMIT = 20_000;

    /** The event-time slice to copy: records with {@code since <= timestamp < until}; null bounds are open. */
    public record Slice(Instant since, Instant until) {
        public static final Slice ALL = new Slice(null, null);

        boolean contains(long timestampMs) {
            return (since == null || timestampMs >= since.toEpochMilli()) && (until == null || timestampMs < until.toEpochMilli());
        }
    }

    private TopicCopier() {
    }

    /**
     * @param onProgress hears the number of source records read so far, now and then
     * @return how many records were copied (those in the slice)
     */
    public static long copy(Properties clientProperties, List<String> sources, String to, Slice slice, LongConsumer onProgress) {
        Properties c = new Properties();
        c.putAll(clientProperties);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        c.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "newswatch-replay-copy");
        Properties p = new Properties();
        p.putAll(clientProperties);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, "20");
        p.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        p.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // One batch in flight per broker: on a topic created a moment ago a first batch can be refused while a second is
        // accepted, and the idempotent producer then retries OUT_OF_ORDER_SEQUENCE_NUMBER for ever. Large batches keep
        // the copy fast all the same.
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "1");
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer());
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            int destPartitions = consumer.partitionsFor(to, Duration.ofSeconds(30)).size();
            List<TopicPartition> all = new ArrayList<>();
            for (String source : sources) {
                consumer.partitionsFor(source, Duration.ofSeconds(30)).forEach(i -> all.add(new TopicPartition(i.topic(), i.partition())));
            }
            consumer.assign(all);
            consumer.seekToBeginning(all);
            EndOffsets ends = EndOffsets.of(consumer, all, Duration.ofSeconds(30));
            Map<TopicPartition, ArrayDeque<ConsumerRecord<byte[], byte[]>>> queues = new HashMap<>();
            Map<Integer, List<TopicPartition>> byDest = new HashMap<>();
            for (TopicPartition tp : all) {
                queues.put(tp, new ArrayDeque<>());
                byDest.computeIfAbsent(tp.partition() % destPartitions, k -> new ArrayList<>()).add(tp);
            }
            long read = 0;
            long copied = 0;
            while (true) {
                for (Map.Entry<Integer, List<TopicPartition>> dest : byDest.entrySet()) {
                    while (true) {
                        TopicPartition next = null;
                        boolean waiting = false;
                        for (TopicPartition tp : dest.getValue()) {
                            ArrayDeque<ConsumerRecord<byte[], byte[]>> q = queues.get(tp);
                            if (q.isEmpty()) {
                                waiting |= !ends.reached(consumer, tp);
                            } else if (next == null || q.peek().timestamp() < queues.get(next).peek().timestamp()) {
                                next = tp;
                            }
                        }
                        if (waiting || next == null) {
                            break; // a source of this partition has more to say first, or all are done
                        }
                        ConsumerRecord<byte[], byte[]> r = queues.get(next).poll();
                        read++;
                        if (slice.contains(r.timestamp())) {
                            producer.send(new ProducerRecord<>(to, dest.getKey(), r.timestamp(), r.key(), r.value(), r.headers()),
                                    (meta, e) -> {
                                if (e != null) {
                                    failure.compareAndSet(null, e);
                                }
                            });
                            copied++;
                        }
                    }
                }
                if (failure.get() != null) {
                    break;
                }
                boolean done = all.stream().allMatch(tp -> queues.get(tp).isEmpty() && ends.reached(consumer, tp));
                if (done) {
                    break;
                }
                List<TopicPartition> full = all.stream().filter(tp -> queues.get(tp).size() >= QUEUE_LIMIT).toList();
                consumer.pause(full);
                consumer.resume(all.stream().filter(tp -> !full.contains(tp)).toList());
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL)) {
                    if (ends.before(r)) {
                        queues.get(new TopicPartition(r.topic(), r.partition())).add(r);
                    }
                }
                onProgress.accept(read);
            }
            producer.flush();
            onProgress.accept(read);
            if (failure.get() != null) {
                throw new IllegalStateException("copying " + sources + " to " + to + " failed: " + failure.get().getMessage(),
                        failure.get());
            }
            return copied;
        }
    }
}
