package io.newswatch.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DeadLetterTest {

    private static final DeadLetter.Source RAW_3_42 = new DeadLetter.Source("news.articles.raw", 3, 42);

    private static String header(Headers headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("headers say stage, source topic, partition, offset, error class and message, and keep the original headers")
    void headers() {
        Headers original = new RecordHeaders().add("trace", "abc".getBytes(StandardCharsets.UTF_8));

        Headers headers = DeadLetter.of("enrich", RAW_3_42, new IllegalArgumentException("bad", new IllegalStateException("root")))
                .toHeaders(original);

        assertThat(header(headers, DeadLetterHeaders.STAGE)).isEqualTo("enrich");
        assertThat(header(headers, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo("news.articles.raw");
        assertThat(header(headers, DeadLetterHeaders.SOURCE_PARTITION)).isEqualTo("3");
        assertThat(header(headers, DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("42");
        assertThat(header(headers, DeadLetterHeaders.ERROR_CLASS)).isEqualTo("java.lang.IllegalArgumentException");
        assertThat(header(headers, DeadLetterHeaders.ERROR_MESSAGE)).isEqualTo("bad (caused by IllegalStateException: root)");
        assertThat(header(headers, "trace")).isEqualTo("abc");
        assertThat(original.lastHeader(DeadLetterHeaders.STAGE)).as("original untouched").isNull();
    }

    @Test
    @DisplayName("a failure that is no exception keeps its own error class, and toHeaders() alone holds only the dead-letter headers")
    void namedFailure() {
        Headers headers = new DeadLetter("alerts-webhook", new DeadLetter.Source("news.alerts", 0, 7), "QueueFull", "lane full")
                .toHeaders();

        assertThat(headers.toArray()).extracting(h -> h.key()).containsExactlyElementsOf(DeadLetterHeaders.ALL);
        assertThat(header(headers, DeadLetterHeaders.ERROR_CLASS)).isEqualTo("QueueFull");
        assertThat(header(headers, DeadLetterHeaders.ERROR_MESSAGE)).isEqualTo("lane full");
    }

    @Test
    @DisplayName("a dead letter re-dead-lettered carries only the newest reason, and huge messages are cut")
    void replacesAndCuts() {
        Headers first = DeadLetter.of("enrich", new DeadLetter.Source("a", 0, 1), new RuntimeException("first")).toHeaders();
        Headers second = DeadLetter.of("alerts", new DeadLetter.Source("b", 0, 2), new RuntimeException("x".repeat(5000)))
                .toHeaders(first);

        assertThat(second.headers(DeadLetterHeaders.STAGE)).hasSize(1);
        assertThat(header(second, DeadLetterHeaders.STAGE)).isEqualTo("alerts");
        assertThat(header(second, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo("b");
        assertThat(header(second, DeadLetterHeaders.ERROR_MESSAGE)).hasSize(DeadLetter.MAX_MESSAGE_CHARS + 3).endsWith("...");
    }

    @Test
    @DisplayName("an unknown source writes no source headers, and drops a stale source from an earlier dead letter")
    void unknownSource() {
        Headers earlier = DeadLetter.of("enrich", RAW_3_42, new RuntimeException("first")).toHeaders();

        Headers headers = DeadLetter.of("alerts", DeadLetter.Source.UNKNOWN, new RuntimeException("second")).toHeaders(earlier);

        assertThat(headers.lastHeader(DeadLetterHeaders.SOURCE_TOPIC)).isNull();
        assertThat(headers.lastHeader(DeadLetterHeaders.SOURCE_PARTITION)).isNull();
        assertThat(headers.lastHeader(DeadLetterHeaders.SOURCE_OFFSET)).isNull();
        assertThat(new DeadLetter("alerts", null, "X", "m").source()).isEqualTo(DeadLetter.Source.UNKNOWN);
        assertThat(DeadLetter.Source.UNKNOWN).hasToString("unknown source");
        assertThat(RAW_3_42).hasToString("news.articles.raw-3@42");
    }

    @Test
    @DisplayName("the error message is never null, and a cause chain is followed only three deep")
    void neverNull() {
        assertThat(new DeadLetter("s", RAW_3_42, "X", null).errorMessage()).isEqualTo("null");
        assertThat(DeadLetter.of("s", RAW_3_42, new NullPointerException()).errorMessage()).isNotNull();

        Throwable deep = new RuntimeException("5");
        for (int i = 4; i >= 1; i--) {
            deep = new RuntimeException(Integer.toString(i), deep);
        }
        assertThat(DeadLetter.of("s", RAW_3_42, deep).errorMessage())
                .isEqualTo("1 (caused by RuntimeException: 2) (caused by RuntimeException: 3) (caused by RuntimeException: 4)");
    }
}
