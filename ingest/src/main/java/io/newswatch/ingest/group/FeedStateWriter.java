package io.newswatch.ingest.group;

import io.newswatch.core.FeedStatus;
import io.newswatch.core.JsonSerde;
import io.newswatch.core.RecordSerdes;
import io.newswatch.core.Topics;
import io.newswatch.ingest.FeedSource;
import io.newswatch.ingest.schedule.SavedFeedState;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes feed states to the compacted feed-state topic, and changes of their health to the feed-status topic. Each
 * state goes to the partition of its feed on the feeds topic (not where the partitioner would put it): the instance
 * that owns feeds-partition N reads its states from state-partition N, whatever partitioner wrote them.
 * Sends are asynchronous; a failed one is logged and the next poll of the feed writes a newer state anyway.
 * {@link #flush()} waits for every send, before feeds are handed over.
 */
final class FeedStateWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FeedStateWriter.class);
    static final JsonSerde<SavedFeedState> SERDE = JsonSerde.of(SavedFeedState.class);

    private final Producer<String, byte[]> producer;
    private final String topic;
    private final String statusTopic;

    FeedStateWriter(Properties clientProperties, Topics topics) {
        Properties p = new Properties();
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "50");
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "newswatch-ingest-state");
        p.putAll(clientProperties);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        this.topic = topics.feedState();
        this.statusTopic = topics.feedStatus();
    }

    /** A change of a feed's health, keyed by the feed's URL without credentials. */
    void status(FeedStatus status) {
        sendStatus(status.feed(), RecordSerdes.FEED_STATUS.serialize(statusTopic, status));
    }

    /** Removes a feed's status (the feed was removed). */
    void removeStatus(FeedSource feed) {
        sendStatus(feed.feedUrl(), null);
    }

    private void sendStatus(String feed, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(statusTopic, feed, value), (metadata, e) -> {
                if (e != null) {
                    LOG.warn("feed {}: could not write its status to {}: {}", feed, statusTopic, e.toString());
                }
            });
        } catch (KafkaException e) {
            LOG.warn("feed {}: could not write its status to {}: {}", feed, statusTopic, e.toString());
        }
    }

    void write(int partition, SavedFeedState state) {
        send(partition, state.location(), SERDE.serialize(topic, state));
    }

    /** Removes a feed's state (the feed was removed). */
    void remove(int partition, String location) {
        send(partition, location, null);
    }

    private void send(int partition, String location, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, partition, location, value), (metadata, e) -> {
                if (e != null) {
                    LOG.warn("feed {}: could not save its state to {}: {}", FeedSource.of(location).displayName(), topic, e.toString());
                }
            });
        } catch (KafkaException e) {
            LOG.warn("feed {}: could not save its state to {}: {}", FeedSource.of(location).displayName(), topic, e.toString());
        }
    }

    /** Waits until every state sent so far is acknowledged (or failed). */
    void flush() {
        try {
            producer.flush();
        } catch (KafkaException e) {
            LOG.warn("flushing feed states to {}: {}", topic, e.toString());
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
