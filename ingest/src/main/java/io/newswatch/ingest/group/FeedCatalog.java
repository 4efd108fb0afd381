package io.newswatch.ingest.group;

import io.newswatch.core.JsonSerde;
import io.newswatch.core.Topics;
import io.newswatch.ingest.FeedSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The feeds topic ({@code news.feeds}, compacted, key = the feed's location) as a small table: what
 * {@code newswatch feeds add|list|remove} and the start-up seeding use. Running ingest instances follow the same
 * topic, so a {@link #put} or {@link #remove} takes effect without a restart, on whichever instance owns the feed.
 * The topic must exist (the caller provisions it through core's {@code TopicProvisioner}).
 */
public final class FeedCatalog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FeedCatalog.class);
    static final JsonSerde<FeedSource> SERDE = JsonSerde.of(FeedSource.class);
    /** Record header saying who wrote a feed: {@code config} (seeded from ingest.feeds) or {@code user} (feeds add). */
    static final String ORIGIN_HEADER = "newswatch.feed-origin";

    /** Who put a feed on the topic: seeding from the configured lists, which may take it off again, or a user. */
    public enum Origin {
        CONFIG, USER;

        String header() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The feeds on the topic, by location, and which of them were last written by seeding from the configured lists. */
    public record Listing(Map<String, FeedSource> feeds, Set<String> fromConfig) {
    }

    private final Properties client;
    private final String topic;
    private KafkaProducer<String, FeedSource> producer;

    public FeedCatalog(Properties clientProperties, Topics topics) {
        this.client = new Properties();
        this.client.putAll(clientProperties);
        this.topic = topics.feeds();
    }

    /** Adds the feed, or renames it when its location is on the topic already. */
    public void put(FeedSource feed, Origin origin) {
        send(feed.location(), feed, origin);
    }

    /** Writes a tombstone: the instance that polls the feed stops, and its saved state is removed. */
    public void remove(String location) {
        send(location, null, null);
    }

    /** Every feed on the topic (read from the beginning to the current end), by location. Undecodable values are skipped and logged. */
    public Map<String, FeedSource> list(Duration timeout) {
        return listing(timeout).feeds();
    }

    /** As {@link #list}, with the origin of each feed. */
    public Listing listing(Duration timeout) {
        Properties p = new Properties();
        p.putAll(client);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "newswatch-feeds-list-" + UUID.randomUUID());
        Map<String, FeedSource> out = new TreeMap<>();
        Set<String> fromConfig = new HashSet<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = new ArrayList<>();
            consumer.partitionsFor(topic, timeout).forEach(i -> parts.add(new TopicPartition(i.topic(), i.partition())));
            PartitionReader.readToEnd(consumer, parts, timeout, r -> {
                apply(out, r);
                Header origin = r.headers().lastHeader(ORIGIN_HEADER);
                boolean seeded = origin != null && Origin.CONFIG.header().equals(new String(origin.value(), StandardCharsets.UTF_8));
                if (r.value() != null && seeded) {
                    fromConfig.add(r.key());
                } else {
                    fromConfig.remove(r.key());
                }
            });
        }
        fromConfig.retainAll(out.keySet());
        return new Listing(out, fromConfig);
    }

    /**
     * Applies one record of the feeds topic to {@code table} (location to feed), as compaction would: a tombstone
     * removes the feed, a value replaces it. A record without a key is ignored; an undecodable one is logged and
     * ignored, keeping the feed as it was, so that a bad record never stops ingest.
     */
    public static void apply(Map<String, FeedSource> table, ConsumerRecord<String, byte[]> r) {
        if (r.key() == null) {
            return;
        }
        if (r.value() == null) {
            table.remove(r.key());
            return;
        }
        FeedSource feed = decode(r);
        if (feed != null) {
            table.put(r.key(), feed);
        }
    }

    /** The feed of a record with a value, or null (logged) when the value is not a feed or names another location than its key. */
    static FeedSource decode(ConsumerRecord<String, byte[]> r) {
        try {
            FeedSource feed = SERDE.deserialize(r.topic(), r.value());
            if (feed != null && r.key().equals(feed.location())) {
                return feed;
            }
            LOG.warn("skipping feed record '{}' at {}-{} offset {}: its location is not its key", r.key(), r.topic(), r.partition(),
                    r.offset());
        } catch (SerializationException e) {
            LOG.warn("skipping undecodable feed '{}' at {}-{} offset {}: {}", r.key(), r.topic(), r.partition(), r.offset(),
                    e.getMessage());
        }
        return null;
    }

    private void send(String location, FeedSource value, Origin origin) {
        ProducerRecord<String, FeedSource> record = new ProducerRecord<>(topic, location, value);
        if (origin != null) {
            record.headers().add(ORIGIN_HEADER, origin.header().getBytes(StandardCharsets.UTF_8));
        }
        try {
            producer().send(record).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot write feed " + location + " to " + topic + ": " + e.getCause().getMessage(),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted writing feed " + location, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("timed out writing feed " + location + " to " + topic, e);
        }
    }

    private KafkaProducer<String, FeedSource> producer() {
        if (producer == null) {
            Properties p = new Properties();
            p.putAll(client);
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            producer = new KafkaProducer<>(p, new StringSerializer(), SERDE);
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
