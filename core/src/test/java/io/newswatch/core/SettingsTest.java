package io.newswatch.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

    @TempDir
    Path dir;

    private Path yaml(String text) throws IOException {
        Path file = dir.resolve("newswatch.yaml");
        Files.writeString(file, text);
        return file;
    }

    @Test
    @DisplayName("command line beats environment beats file, per key")
    void layersInOrder() throws IOException {
        Path file = yaml("""
                ingest:
                  min-interval: 5m
                  max-interval: 1h
                  user-agent: from-file
                """);
        Settings s = Settings.load(file,
                Map.of("NEWSWATCH_INGEST_MIN_INTERVAL", "2m", "NEWSWATCH_INGEST_USER_AGENT", "from-env"),
                Map.of("ingest.user-agent", "from-flag"));

        assertThat(s.duration("ingest.min-interval", Duration.ZERO)).isEqualTo(Duration.ofMinutes(2));
        assertThat(s.duration("ingest.max-interval", Duration.ZERO)).isEqualTo(Duration.ofHours(1));
        assertThat(s.string("ingest.user-agent", "default")).isEqualTo("from-flag");
        assertThat(s.string("ingest.absent", "default")).isEqualTo("default");
    }

    @Test
    @DisplayName("a malformed value names the key, the value and where it came from")
    void badValueNamesKeyAndOrigin() {
        Settings s = Settings.load(null, Map.of("NEWSWATCH_INGEST_MIN_INTERVAL", "soon"), Map.of());

        assertThatThrownBy(() -> s.duration("ingest.min-interval", Duration.ofMinutes(1)))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("config key ingest.min-interval")
                .hasMessageContaining("'soon'")
                .hasMessageContaining("NEWSWATCH_INGEST_MIN_INTERVAL");
    }

    @Test
    @DisplayName("a file that is not YAML fails with the file's name")
    void badYamlNamesFile() throws IOException {
        Path file = yaml("ingest: [unclosed");

        assertThatThrownBy(() -> Settings.load(file, Map.of(), Map.of()))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining(file.toString());
    }

    @Test
    @DisplayName("sizes, durations, booleans, lists and numbers parse in their usual spellings")
    void typedValues() {
        Settings s = Settings.of(Map.of(
                "a.size", "10MB", "b.size", "512KiB", "c.size", "2048",
                "a.dur", "PT90S", "b.dur", "7d", "c.dur", "250ms",
                "flag", "yes", "items", " a, b ,,c ", "n", "42", "x", "0.5"));

        assertThat(s.bytes("a.size", 0)).isEqualTo(10L * 1024 * 1024);
        assertThat(s.bytes("b.size", 0)).isEqualTo(512L * 1024);
        assertThat(s.bytes("c.size", 0)).isEqualTo(2048);
        assertThat(s.duration("a.dur", null)).isEqualTo(Duration.ofSeconds(90));
        assertThat(s.duration("b.dur", null)).isEqualTo(Duration.ofDays(7));
        assertThat(s.duration("c.dur", null)).isEqualTo(Duration.ofMillis(250));
        assertThat(s.bool("flag", false)).isTrue();
        assertThat(s.list("items", List.of())).containsExactly("a", "b", "c");
        assertThat(s.integer("n", 0)).isEqualTo(42);
        assertThat(s.decimal("x", 0)).isEqualTo(0.5);
    }

    @Test
    @DisplayName("nested YAML and lists flatten to dotted keys; a prefix selects pass-through properties")
    void flattenAndPrefix() throws IOException {
        Path file = yaml("""
                kafka:
                  bootstrap-servers: broker-1:9092
                  properties:
                    compression.type: lz4
                    security.protocol: SASL_SSL
                ingest:
                  feeds: [config/feeds.opml, samples/feeds]
                """);
        Settings s = Settings.load(file, Map.of(), Map.of("kafka.properties.linger.ms", "20"));

        assertThat(s.list("ingest.feeds", List.of())).containsExactly("config/feeds.opml", "samples/feeds");
        KafkaSettings kafka = KafkaSettings.from(s);
        assertThat(kafka.bootstrapServers()).contains("broker-1:9092");
        assertThat(kafka.clientProperties()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "compression.type", "lz4", "security.protocol", "SASL_SSL", "linger.ms", "20"));
        assertThat(kafka.clientProperties("localhost:1")).containsEntry("bootstrap.servers", "localhost:1");
    }

    @Test
    @DisplayName("an empty bootstrap setting means the embedded broker")
    void emptyBootstrapMeansEmbedded() {
        assertThat(KafkaSettings.from(Settings.of(Map.of("kafka.bootstrap-servers", " "))).bootstrapServers()).isEmpty();
    }

    @Test
    @DisplayName("required keys fail with the key and how to set it")
    void requiredKey() {
        assertThatThrownBy(() -> Settings.empty().required("alerts.watches"))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("alerts.watches")
                .hasMessageContaining("NEWSWATCH_ALERTS_WATCHES");
    }
}
