package io.newswatch.app.importer;

import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes imported articles to one topic: key the article id, value its JSON (already serialized by
 * {@code JsonSerde} when read, so the sort carries bytes), timestamp its event time.
 *
 * <p>Idempotent with {@code acks=all}, as ingest's publisher: a retried batch is neither lost nor written
 * twice. One request in flight per connection, because order is the import's contract: with five, a
 * partition that was created a moment ago could refuse the first batch (its leader not ready) and accept
 * the next ones, and the broker, which has no sequence for a producer it has never seen, cannot tell the
 * first was missing: the retried first batch then fails as out of order until the delivery timeout
 * (seen on the embedded broker, and in the benchmark). With one, nothing overtakes a retried batch; the
 * batches are large, so the cost is small (docs/BENCHMARKS.md). lz4 and large batches with a short linger, because an
 * import is a bulk load: throughput is what counts, and the articles compress well. A client property
 * given with {@code -X} overrides any of these except idempotence, acks and requests in flight.
 */
public final class KafkaImportSink implements ImportSink {

    private final String topic;
    private final KafkaProducer<String, byte[]> producer;
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    public KafkaImportSink(Properties clientProperties, String topic) {
        this.topic = topic;
        Properties p = new Properties();
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, Long.toString(64L * 1024 * 1024));
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "newswatch-import");
        p.putAll(clientProperties);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "1");
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    @Override
    public void send(EventTimeSorter.Entry entry) {
        throwIfFailed();
        producer.send(new ProducerRecord<>(topic, null, entry.eventMillis(), entry.id(), entry.value()), (metadata, e) -> {
            if (e != null) {
                failure.compareAndSet(null, e);
            }
        });
    }

    @Override
    public void flush() {
        producer.flush();
        throwIfFailed();
    }

    private void throwIfFailed() {
        Exception e = failure.get();
        if (e != null) {
            throw new IllegalStateException("writing to " + topic + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
