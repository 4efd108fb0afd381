package io.newswatch.core.failure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.Result;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.SerializationExceptionOrigin;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("production handler: a record that cannot be written because of what it is is skipped; the rest is Kafka's default")
class SkipUnwritableRecordHandlerTest {

    final SkipUnwritableRecordHandler handler = configured();
    final ProducerRecord<byte[], byte[]> record = new ProducerRecord<>("news.alerts", new byte[1], new byte[2]);

    @Test
    @DisplayName("too large: skipped, with the input record that made it sent to the DLQ")
    void tooLarge() {
        var response = handler.handleError(CONTEXT, record, new RecordTooLargeException("2 MB"));
        assertThat(response.result()).isEqualTo(Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).singleElement()
                .satisfies(dead -> assertThat(dead.topic()).isEqualTo("news.dlq"))
                .satisfies(dead -> assertThat(dead.value()).isEqualTo(CONTEXT.sourceRawValue()));
    }

    @Test
    @DisplayName("does not serialize: skipped")
    void serialization() {
        var response = handler.handleSerializationError(CONTEXT, record, new IllegalArgumentException("no"),
                SerializationExceptionOrigin.VALUE);
        assertThat(response.result()).isEqualTo(Result.RESUME);
    }

    @Test
    @DisplayName("a store's changelog is never skipped: the store would hold what a restore would not (Kafka's default: fail)")
    void changelogNeverSkipped() {
        var changelog = new ProducerRecord<>("newswatch-alerts-detector-state-changelog", new byte[1], new byte[2]);
        assertThat(handler.handleError(CONTEXT, changelog, new RecordTooLargeException("2 MB")).result()).isEqualTo(Result.FAIL);
        assertThat(handler.handleSerializationError(CONTEXT, changelog, new IllegalArgumentException("no"),
                SerializationExceptionOrigin.VALUE).result()).isEqualTo(Result.FAIL);
    }

    @Test
    @DisplayName("a topic refused or a timeout is not about one record: Kafka's default (fail, or retry what is retriable)")
    void others() {
        assertThat(handler.handleError(CONTEXT, record, new TopicAuthorizationException("no")).result()).isEqualTo(Result.FAIL);
        assertThat(handler.handleError(CONTEXT, record, new TimeoutException("slow")).result()).isEqualTo(Result.RETRY);
    }

    private static SkipUnwritableRecordHandler configured() {
        SkipUnwritableRecordHandler h = new SkipUnwritableRecordHandler();
        h.configure(Map.of(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, "news.dlq"));
        return h;
    }

    static final ErrorHandlerContext CONTEXT = new ErrorHandlerContext() {
        @Override public String topic() { return "news.articles.enriched"; }
        @Override public int partition() { return 0; }
        @Override public long offset() { return 7; }
        @Override public Headers headers() { return new RecordHeaders(); }
        @Override public String processorNodeId() { return "alerts-sink"; }
        @Override public TaskId taskId() { return new TaskId(1, 0); }
        @Override public long timestamp() { return 0; }
        @Override public byte[] sourceRawKey() { return new byte[] {1}; }
        @Override public byte[] sourceRawValue() { return new byte[] {2, 3}; }
    };
}
