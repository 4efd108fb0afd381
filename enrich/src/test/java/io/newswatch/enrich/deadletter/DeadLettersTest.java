package io.newswatch.enrich.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.core.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DeadLettersTest {

    private static String header(Headers headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("headers say stage, source topic, partition, offset, error class and message, and keep the original headers")
    void headers() {
        Headers original = new RecordHeaders().add("trace", "abc".getBytes(StandardCharsets.UTF_8));

        Headers headers = DeadLetters.headers(original, "enrich", new DeadLetters.Source("news.articles.raw", 3, 42),
                new IllegalArgumentException("bad", new IllegalStateException("root")));

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
    @DisplayName("a dead letter re-dead-lettered carries only the newest reason, and huge messages are cut")
    void replacesAndCuts() {
        Headers first = DeadLetters.headers(null, "enrich", new DeadLetters.Source("a", 0, 1), new RuntimeException("first"));
        Headers second = DeadLetters.headers(first, "alerts", new DeadLetters.Source("b", 0, 2), new RuntimeException("x".repeat(5000)));

        assertThat(second.headers(DeadLetterHeaders.STAGE)).hasSize(1);
        assertThat(header(second, DeadLetterHeaders.STAGE)).isEqualTo("alerts");
        assertThat(header(second, DeadLetterHeaders.ERROR_MESSAGE)).hasSize(DeadLetters.MAX_MESSAGE_CHARS + 3);
    }
}
