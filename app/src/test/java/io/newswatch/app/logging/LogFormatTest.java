package io.newswatch.app.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswatch.core.Json;
import io.newswatch.core.Settings;
import io.newswatch.core.SettingsException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

@DisplayName("log format: text lines for people, JSON lines for log shippers, one switch")
class LogFormatTest {

    /** What the console log writes while {@code format} is on, for one INFO event with an argument and one ERROR with an exception. */
    private static String logged(LogFormat.Format format) {
        // Both streams: the text appender of the tests' logback configuration writes to stdout, logback.xml's to stderr.
        PrintStream originalErr = System.err;
        PrintStream originalOut = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        System.setErr(capture);
        System.setOut(capture);
        try {
            LogFormat.use(format);
            LoggerFactory.getLogger("io.newswatch.test.LogFormatTest").info("feed {} answered", "https://example.com/rss \"quoted\"");
            LoggerFactory.getLogger("io.newswatch.test.LogFormatTest").error("stage failed", new IllegalStateException("boom"));
        } finally {
            LogFormat.use(LogFormat.Format.TEXT);
            System.setErr(originalErr);
            System.setOut(originalOut);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("json: one JSON object per line with time, level, logger, thread, the formatted message and the stack trace")
    void json() throws Exception {
        String[] lines = logged(LogFormat.Format.JSON).strip().split("\n");
        assertThat(lines).hasSize(2);
        JsonNode info = Json.mapper().readTree(lines[0]);
        assertThat(info.get("level").asText()).isEqualTo("INFO");
        assertThat(info.get("logger_name").asText()).isEqualTo("io.newswatch.test.LogFormatTest");
        assertThat(info.get("message").asText()).isEqualTo("feed https://example.com/rss \"quoted\" answered");
        assertThat(info.get("@timestamp").asText()).endsWith("Z");
        assertThat(OffsetDateTime.parse(info.get("@timestamp").asText()).toInstant())
                .isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));
        assertThat(info.get("thread_name").asText()).isNotBlank();
        JsonNode error = Json.mapper().readTree(lines[1]);
        assertThat(error.get("level").asText()).isEqualTo("ERROR");
        assertThat(error.get("stack_trace").asText()).startsWith("java.lang.IllegalStateException: boom")
                .hasSizeLessThanOrEqualTo(LogFormat.MAX_STACK_CHARS);
    }

    @Test
    @DisplayName("text (the default), and back to it after json: the usual one-line format")
    void text() {
        logged(LogFormat.Format.JSON);
        String out = logged(LogFormat.Format.TEXT);
        assertThat(out).containsPattern("INFO .*LogFormatTest - feed https://example.com/rss \"quoted\" answered").doesNotContain("{\"");
        assertThat(out.lines().filter(l -> l.contains("answered")).count()).as("once, not once per format").isEqualTo(1);
    }

    @Test
    @DisplayName("log.format reads text or json in any case; anything else names the key")
    void setting() {
        assertThat(LogFormat.from(Settings.empty())).isEqualTo(LogFormat.Format.TEXT);
        assertThat(LogFormat.from(Settings.of(Map.of("log.format", "JSON")))).isEqualTo(LogFormat.Format.JSON);
        assertThatThrownBy(() -> LogFormat.from(Settings.of(Map.of("log.format", "xml"))))
                .isInstanceOf(SettingsException.class).hasMessageContaining("log.format").hasMessageContaining("xml");
    }
}
