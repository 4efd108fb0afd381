package io.newswatch.ingest.publish;

import io.newswatch.core.Article;
import io.newswatch.core.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;

/**
 * Publishes articles to the raw topic: key = article id (so repeats of one article land on one partition; copies
 * of a story under other ids do not, which is why enrich deduplicates after its event-time merge), record
 * timestamp = the article's event time (so every
 * downstream window is in event time), idempotent producer with {@code acks=all} (a retry after a
 * lost acknowledgement does not duplicate), lz4 compression (text compresses well, lz4 is cheap).
 *
 * <p>The caller's properties come first; idempotence and acks are then forced, because the exactly-
 * once-per-poll contract depends on them.
 */
public final class KafkaArticlePublisher implements ArticleSink {

    private final Producer<String, Article> producer;
    private final String topic;

    public KafkaArticlePublisher(Properties clientProperties, Topic<String, Article> topic) {
        Properties p = new Properties();
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "newswatch-ingest");
        p.putAll(clientProperties);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        this.producer = new KafkaProducer<>(p, topic.keySerde().serializer(), topic.valueSerde().serializer());
        this.topic = topic.name();
    }

    @Override
    public PublishResult publish(List<Article> articles) {
        List<Future<RecordMetadata>> sent = new ArrayList<>(articles.size());
        String firstError = null;
        for (Article article : articles) {
            try {
                sent.add(producer.send(new ProducerRecord<>(topic, null, article.eventTime().toEpochMilli(), article.id(), article)));
            } catch (KafkaException e) { // buffer full past max.block.ms, interrupted at shutdown, serialization...
                firstError = "publishing to " + topic + " failed: " + e;
                break;
            }
        }
        List<Article> acknowledged = new ArrayList<>(articles.size());
        for (int i = 0; i < sent.size(); i++) {
            try {
                sent.get(i).get();
                acknowledged.add(articles.get(i));
            } catch (ExecutionException e) {
                if (firstError == null) {
                    firstError = "publishing to " + topic + " failed: " + e.getCause();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new PublishResult(acknowledged, "interrupted while publishing to " + topic);
            }
        }
        return new PublishResult(acknowledged, firstError);
    }

    /** The producer, for its metrics; publishing goes through {@link #publish}. */
    public Producer<?, ?> producer() {
        return producer;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
