package io.newswatch.core.failure;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.core.DeadLetter;
import io.newswatch.core.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("dead-letter writer (plain clients): the bytes go to the DLQ with the headers, counted once Kafka has them")
class DeadLetterWriterTest {

    final MockProducer<byte[], byte[]> producer = new MockProducer<>(false, null, new ByteArraySerializer(), new ByteArraySerializer());
    final AtomicInteger counted = new AtomicInteger();
    final AtomicInteger written = new AtomicInteger();
    final DeadLetterWriter writer = new DeadLetterWriter(producer, "news.dlq", counted::incrementAndGet);
    final DeadLetter why = new DeadLetter("alerts-webhook", new DeadLetter.Source("news.alerts", 2, 41), "QueueFull", "lane full");

    @Test
    @DisplayName("a written dead letter carries the original bytes and the headers, and is counted before the caller hears")
    void writes() {
        writer.write(why, bytes("watch-1"), bytes("{alert}"), () -> written.set(counted.get()));
        ProducerRecord<byte[], byte[]> sent = producer.history().getFirst();
        assertThat(sent.topic()).isEqualTo("news.dlq");
        assertThat(sent.key()).isEqualTo(bytes("watch-1"));
        assertThat(sent.value()).isEqualTo(bytes("{alert}"));
        assertThat(new String(sent.headers().lastHeader(DeadLetterHeaders.ERROR_CLASS).value(), StandardCharsets.UTF_8)).isEqualTo("QueueFull");
        assertThat(new String(sent.headers().lastHeader(DeadLetterHeaders.SOURCE_OFFSET).value(), StandardCharsets.UTF_8)).isEqualTo("41");
        assertThat(counted).as("not counted before Kafka has it").hasValue(0);

        producer.completeNext();
        assertThat(counted).hasValue(1);
        assertThat(written).as("counted when the caller heard").hasValue(1);
    }

    @Test
    @DisplayName("a dead letter Kafka refuses is neither counted nor reported written: its record stays unacknowledged")
    void refused() {
        writer.write(why, null, bytes("{alert}"), written::incrementAndGet);
        producer.errorNext(new RuntimeException("broker gone"));
        assertThat(counted).hasValue(0);
        assertThat(written).hasValue(0);
    }

    @Test
    @DisplayName("a producer that throws at once (closed, or its buffer full) is a refusal too, not an error for the caller")
    void producerThrows() {
        producer.close();
        writer.write(why, null, bytes("{alert}"), written::incrementAndGet);
        assertThat(counted).hasValue(0);
        assertThat(written).hasValue(0);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
