package io.newswatch.alerts.watch;

import io.newswatch.core.EndOffsets;
import io.newswatch.core.RecordSerdes;
import io.newswatch.core.Topic;
import io.newswatch.core.TopicLayout;
import io.newswatch.core.TopicProvisioner;
import io.newswatch.core.Topics;
import io.newswatch.core.Watch;
import io.newswatch.core.WatchInput;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The watches topic ({@code news.watches}, compacted, keyed by watch id) as a small table: what
 * {@code newswatch watch add|list|remove} and the start-up seeding use. A running alerts topology reads
 * the same topic as a global store, so a {@link #put} or {@link #remove} takes effect without a restart.
 */
public final class WatchStore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WatchStore.class);

    private final Properties client;
    private final Topics topics;
    private KafkaProducer<String, WatchInput> producer;

    public WatchStore(Properties clientProperties, Topics topics) {
        this.client = new Properties();
        this.client.putAll(clientProperties);
        this.topics = topics;
    }

    /**
     * Creates the watches topic when it does not exist yet, as {@code layout} declares it (compacted, one partition unless
     * the settings say otherwise): the same topic {@code newswatch run} would create.
     */
    public void ensureTopic(TopicLayout layout) {
        TopicProvisioner.provision(client, layout.only(List.of(topics.watches())));
    }

    /**
     * Writes a checked watch (every field filled, as {@link WatchInput}) and returns it. Creates the watch's output topic
     * first when it names one that does not exist (cluster defaults for partitions and replication), so the running
     * topology never has to write to a missing topic.
     */
    public Watch put(Watch watch) {
        if (watch.outputTopic() != null) {
            ensureOutputTopic(watch.outputTopic());
        }
        send(watch.id(), watch.toInput());
        return watch;
    }

    private void ensureOutputTopic(String name) {
        try (Admin admin = Admin.create(client)) {
            if (!admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(name)) {
                admin.createTopics(List.of(new NewTopic(name, Optional.empty(), Optional.empty())))
                        .all().get(30, TimeUnit.SECONDS);
                LOG.info("created output topic {}", name);
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create output topic " + name + ": " + e.getCause().getMessage(), e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topic " + name, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("timed out creating topic " + name, e);
        }
    }

    /** Writes a tombstone: the watch stops matching and its detector state is dropped. */
    public void remove(String id) {
        send(id, null);
    }

    /**
     * Every live watch on the topic (read from the beginning to the current end), by id, as stored: validate one before
     * use, since anyone may write to the topic. Undecodable values are skipped and logged.
     */
    public Map<String, WatchInput> list(Duration timeout) {
        Properties p = new Properties();
        p.putAll(client);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "newswatch-watch-list-" + UUID.randomUUID());
        Map<String, WatchInput> out = new TreeMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            EndOffsets.assignFromBeginning(consumer, topics.watches(), timeout);
            if (!EndOffsets.readToEnd(consumer, timeout, r -> apply(out, r))) {
                throw new IllegalStateException("timed out reading " + topics.watches() + " after " + timeout);
            }
        }
        return out;
    }

    /**
     * Applies one record of the watches topic to {@code table} (watch id to watch), as compaction would: a
     * tombstone removes the watch, a value replaces it. A record without a key is ignored, and an
     * undecodable one is logged and ignored, keeping the watch as it was: a bad record on the topic must not
     * stop whoever is reading it (this store, the webhook dispatcher).
     */
    public static void apply(Map<String, WatchInput> table, ConsumerRecord<String, byte[]> r) {
        if (r.key() == null) {
            return;
        }
        if (r.value() == null) {
            table.remove(r.key());
            return;
        }
        try {
            table.put(r.key(), RecordSerdes.WATCH.deserialize(r.topic(), r.value()));
        } catch (SerializationException e) {
            LOG.warn("skipping undecodable watch '{}' at {}-{} offset {}: {}", r.key(), r.topic(), r.partition(), r.offset(),
                    e.getMessage());
        }
    }

    private void send(String id, WatchInput value) {
        try {
            producer().send(topics.watchTable().record(id, value)).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot write watch '" + id + "' to " + topics.watches() + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted writing watch '" + id + "'", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("timed out writing watch '" + id + "' to " + topics.watches(), e);
        }
    }

    private KafkaProducer<String, WatchInput> producer() {
        if (producer == null) {
            Properties p = new Properties();
            p.putAll(client);
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            Topic<String, WatchInput> table = topics.watchTable();
            producer = new KafkaProducer<>(p, table.keySerde().serializer(), table.valueSerde().serializer());
        }
        return producer;
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(10));
        }
    }
}
