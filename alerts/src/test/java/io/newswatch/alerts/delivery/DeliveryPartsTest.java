package io.newswatch.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswatch.core.Alert;
import io.newswatch.core.AlertStatus;
import io.newswatch.core.Json;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DeliveryPartsTest {

    @Test
    @DisplayName("a redacted webhook URL keeps scheme, host and port and drops user info, path and query")
    void redaction() {
        String r = RedactedUrl.of(URI.create("https://user:pw@hooks.slack.com:8443/services/T00/B00/s3cr3t?token=abc"));
        assertThat(r).startsWith("https://hooks.slack.com:8443/...#").doesNotContain("s3cr3t", "abc", "pw", "T00");
        assertThat(RedactedUrl.of(URI.create("https://h.example/a"))).isNotEqualTo(RedactedUrl.of(URI.create("https://h.example/b")));
    }

    @Test
    @DisplayName("backoff doubles from the initial delay up to the maximum, with jitter in [half, full)")
    void backoff() {
        Backoff b = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(10));
        Random r = new Random(1);
        for (int i = 0; i < 50; i++) {
            assertThat(b.delayAfter(1, r).toMillis()).isBetween(500L, 1000L);
            assertThat(b.delayAfter(3, r).toMillis()).isBetween(2000L, 4000L);
            assertThat(b.delayAfter(20, r).toMillis()).isBetween(5000L, 10000L);
        }
    }

    @Test
    @DisplayName("server errors, timeouts and rate limits are retried; other client errors are not")
    void retryable() {
        assertThat(WebhookLane.retryable(500)).isTrue();
        assertThat(WebhookLane.retryable(503)).isTrue();
        assertThat(WebhookLane.retryable(429)).isTrue();
        assertThat(WebhookLane.retryable(408)).isTrue();
        assertThat(WebhookLane.retryable(400)).isFalse();
        assertThat(WebhookLane.retryable(404)).isFalse();
    }

    @Test
    @DisplayName("the payload has a Slack-compatible text field and the whole alert")
    void payload() throws Exception {
        Alert a = new Alert(1, "w@t", "w", "Watch", AlertStatus.OPENED, Instant.EPOCH, Instant.EPOCH.plusSeconds(600), 7, 7, 0.5, 6.2, 4, 5,
                List.of(), "Spike: Watch: 7 articles", Instant.EPOCH);
        JsonNode n = Json.mapper().readTree(WebhookPayload.of(a));
        assertThat(n.get("text").asText()).isEqualTo("Spike: Watch: 7 articles");
        assertThat(n.get("alert").get("status").asText()).isEqualTo("OPENED");
        assertThat(n.get("alert").get("bucketStart").asText()).isEqualTo("1970-01-01T00:00:00Z");
    }

    @Test
    @DisplayName("offsets are committable only up to the oldest alert with a delivery still in flight")
    void completedOffsets() {
        CompletedOffsets o = new CompletedOffsets();
        TopicPartition tp = new TopicPartition("news.alerts", 0);
        o.read(tp, 10, 0);
        o.read(tp, 11, 2);
        o.read(tp, 12, 1);
        assertThat(o.committable().get(tp).offset()).isEqualTo(11);
        o.done(tp, 12);
        o.done(tp, 11);
        assertThat(o.committable().get(tp).offset()).isEqualTo(11);
        o.done(tp, 11);
        assertThat(o.committable().get(tp).offset()).isEqualTo(13);
        assertThat(o.inFlight()).isZero();
    }
}
