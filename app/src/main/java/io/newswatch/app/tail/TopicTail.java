package io.newswatch.app.tail;

import io.newswatch.app.cli.UsageException;
import io.newswatch.core.EndOffsets;
import io.newswatch.eventtime.Watermark;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Prints the records of one topic. It reads every partition directly (assign, no consumer group), so
 * tailing never moves anyone's committed offsets and leaves no group behind. Only committed records are
 * shown (read_committed), which is what downstream consumers of the exactly-once stages see.
 *
 * <p>Without {@code follow}, the end is the end offset of each partition when the tail starts, so the
 * command ends even while producers keep writing.
 */
public final class TopicTail {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(15);

    private final Properties clientProperties;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private volatile KafkaConsumer<byte[], byte[]> consumer;

    public TopicTail(Properties clientProperties) {
        this.clientProperties = clientProperties;
    }

    /** Prints records of {@code topic} to {@code out} until the end (or forever when following); returns how many. */
    public long run(String topic, TailOptions options, RecordFormat format, PrintWriter out) {
        long printed = read(topic, options, record -> out.println(format.format(record)), out::checkError);
        out.flush();
        return printed;
    }

    /**
     * Hands every committed record of {@code topic} (enrich's watermark records left out) to {@code each}, from the
     * beginning to the end each partition had when the read started; returns how many. What a report reads a topic with.
     */
    public long readToEnd(String topic, Consumer<ConsumerRecord<byte[], byte[]>> each) {
        return read(topic, new TailOptions(true, 0, false, 0), each, () -> false);
    }

    /** {@code closed} is asked after each poll: true ends the read (a closed stdout). */
    private long read(String topic, TailOptions options, Consumer<ConsumerRecord<byte[], byte[]>> each, BooleanSupplier closed) {
        Properties props = new Properties();
        props.putAll(clientProperties);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "newswatch-tail");
        props.putIfAbsent(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) METADATA_TIMEOUT.toMillis());
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer = c;
            if (stopped.get()) {
                return 0;
            }
            List<TopicPartition> partitions = partitionsOf(c, topic);
            c.assign(partitions);
            EndOffsets end = EndOffsets.of(c, partitions, METADATA_TIMEOUT);
            position(c, partitions, end, options);
            return deliver(c, end, options, each, closed);
        } catch (WakeupException stoppedBeforeReading) {
            return 0;
        } finally {
            consumer = null;
        }
    }

    /** Ends a running tail from another thread (Ctrl-C); {@link #run} then returns normally. */
    public void stop() {
        stopped.set(true);
        KafkaConsumer<byte[], byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
    }

    private List<TopicPartition> partitionsOf(KafkaConsumer<byte[], byte[]> c, String topic) {
        List<PartitionInfo> infos;
        try {
            infos = c.partitionsFor(topic, METADATA_TIMEOUT);
        } catch (TimeoutException e) {
            throw new IllegalStateException("no answer from Kafka within " + METADATA_TIMEOUT.toSeconds()
                    + " s while looking up topic " + topic + " at " + clientProperties.getProperty("bootstrap.servers")
                    + " (is the broker running?)", e);
        }
        if (infos == null || infos.isEmpty()) {
            Map<String, List<PartitionInfo>> topics = c.listTopics(METADATA_TIMEOUT);
            throw new UsageException("topic " + topic + " does not exist; topics there: "
                    + topics.keySet().stream().filter(t -> !t.startsWith("__")).sorted().toList());
        }
        return infos.stream().map(i -> new TopicPartition(i.topic(), i.partition()))
                .sorted((a, b) -> Integer.compare(a.partition(), b.partition())).toList();
    }

    private static void position(KafkaConsumer<byte[], byte[]> c, List<TopicPartition> partitions, EndOffsets end,
                                 TailOptions options) {
        if (options.fromBeginning()) {
            c.seekToBeginning(partitions);
            return;
        }
        Map<TopicPartition, Long> begin = c.beginningOffsets(partitions);
        for (TopicPartition tp : partitions) {
            c.seek(tp, Math.max(begin.get(tp), end.end(tp) - options.last()));
        }
    }

    private long deliver(KafkaConsumer<byte[], byte[]> c, EndOffsets end, TailOptions options,
                         Consumer<ConsumerRecord<byte[], byte[]>> each, BooleanSupplier closed) {
        long delivered = 0;
        while (!stopped.get()) {
            if (!options.follow() && end.reachedAll(c)) {
                break;
            }
            Iterable<ConsumerRecord<byte[], byte[]>> records;
            try {
                records = c.poll(POLL);
            } catch (WakeupException stopRequested) {
                break;
            }
            for (ConsumerRecord<byte[], byte[]> record : records) {
                if (record.value() == null && record.key() != null
                        && Watermark.isWatermark(new String(record.key(), StandardCharsets.UTF_8), record.headers())) {
                    continue; // enrich's watermark on the enriched topic: bookkeeping, not an article (docs/RECORDS.md)
                }
                each.accept(record);
                delivered++;
                if (options.max() > 0 && delivered >= options.max()) {
                    return delivered;
                }
            }
            // A closed stdout (`newswatch tail -f ... | head -3`) ends the tail instead of reading forever.
            if (closed.getAsBoolean()) {
                break;
            }
        }
        return delivered;
    }
}
