package io.newswatch.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

    private static final SettingsDef DEF = new SettingsDef("test");
    private static final Setting<Duration> MIN_INTERVAL = DEF.define("ingest.min-interval", SettingType.DURATION, Duration.ofMinutes(1),
            Check.positive(), "doc");
    private static final Setting<Duration> MAX_INTERVAL = DEF.define("ingest.max-interval", SettingType.DURATION, Duration.ZERO, "doc");
    private static final Setting<String> USER_AGENT = DEF.define("ingest.user-agent", SettingType.STRING, "default", "doc");
    private static final Setting<String> ABSENT = DEF.define("ingest.absent", SettingType.STRING, "default", "doc");
    private static final Setting<List<String>> FEEDS = DEF.define("ingest.feeds", SettingType.LIST, List.of(), "doc");
    private static final Setting<Integer> THREADS = DEF.define("ingest.threads", SettingType.INT, 1, Check.atLeast(1), "doc");
    private static final Setting<String> REQUIRED = DEF.defineOptional("alerts.watches", SettingType.STRING, "(none)", "doc");
    private static final SettingsCatalog CATALOG = new SettingsCatalog(List.of(DEF, KafkaSettings.DEF), Set.of("NEWSWATCH_JDK"));

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

        assertThat(s.get(MIN_INTERVAL)).isEqualTo(Duration.ofMinutes(2));
        assertThat(s.get(MAX_INTERVAL)).isEqualTo(Duration.ofHours(1));
        assertThat(s.get(USER_AGENT)).isEqualTo("from-flag");
        assertThat(s.get(ABSENT)).isEqualTo("default");
    }

    @Test
    @DisplayName("a malformed value names the key, the value and where it came from")
    void badValueNamesKeyAndOrigin() {
        Settings s = Settings.load(null, Map.of("NEWSWATCH_INGEST_MIN_INTERVAL", "soon"), Map.of());

        assertThatThrownBy(() -> s.get(MIN_INTERVAL))
                .isInstanceOf(SettingsException.class)
                .hasMessage("config key ingest.min-interval: expected a duration like 30s, 5m, 2h, 7d, 500ms or PT5M, got 'soon' "
                        + "(from environment variable NEWSWATCH_INGEST_MIN_INTERVAL)");
    }

    @Test
    @DisplayName("a value that parses but breaks the setting's check names the key, what was expected and where it came from")
    void checkedValueNamesKey() {
        assertThatThrownBy(() -> Settings.of(Map.of("ingest.threads", "0")).get(THREADS))
                .isInstanceOf(SettingsException.class)
                .hasMessage("config key ingest.threads: expected at least 1, got '0' (from command line)");
        assertThatThrownBy(() -> Settings.of(Map.of("ingest.min-interval", "0s")).get(MIN_INTERVAL))
                .hasMessageContaining("config key ingest.min-interval: expected a positive duration, got '0s'");
    }

    @Test
    @DisplayName("a key nothing declares is refused, naming where it came from and the nearest known keys")
    void unknownKeyRefused() throws IOException {
        Path file = yaml("ingest:\n  min-intervall: 5m\n");
        Settings typo = Settings.load(file, Map.of(), Map.of());
        assertThatThrownBy(() -> CATALOG.requireKnown(typo))
                .isInstanceOf(SettingsException.class)
                .hasMessageStartingWith("config key ingest.min-intervall: unknown setting (from file " + file + "); nearest known keys: "
                        + "ingest.min-interval, ingest.max-interval");
        assertThatThrownBy(() -> CATALOG.requireKnown(Settings.of(Map.of("kafka.topic-prefx", "bt."))))
                .hasMessageContaining("config key kafka.topic-prefx: unknown setting (from command line); nearest known keys: "
                        + "kafka.topic-prefix");
        assertThatThrownBy(() -> CATALOG.requireKnown(Settings.load(null, Map.of("NEWSWATCH_INGEST_TREADS", "2"), Map.of())))
                .hasMessageContaining("environment variable NEWSWATCH_INGEST_TREADS: unknown setting; nearest known variables: "
                        + "NEWSWATCH_INGEST_THREADS");
    }

    @Test
    @DisplayName("declared keys, pass-through properties, process variables and other programs' variables are accepted")
    void knownKeysAccepted() {
        Settings s = Settings.load(null, Map.of("NEWSWATCH_INGEST_THREADS", "2", "NEWSWATCH_JDK", "/opt/jdk", "PATH", "/bin"),
                Map.of("ingest.feeds", "a,b", "kafka.properties.linger.ms", "5"));
        CATALOG.requireKnown(s);
        assertThat(s.get(THREADS)).isEqualTo(2);
    }

    @Test
    @DisplayName("edit distance counts insertions, deletions and substitutions")
    void editDistance() {
        assertThat(SettingsCatalog.editDistance("enrich.grase", "enrich.grace")).isEqualTo(1);
        assertThat(SettingsCatalog.editDistance("grace", "gracefully")).isEqualTo(5);
        assertThat(SettingsCatalog.editDistance("", "abc")).isEqualTo(3);
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
    void typedValues() throws Exception {
        assertThat(SettingType.BYTES.parser().parse("10MB")).isEqualTo(10L * 1024 * 1024);
        assertThat(SettingType.BYTES.parser().parse("512KiB")).isEqualTo(512L * 1024);
        assertThat(SettingType.BYTES.parser().parse("2048")).isEqualTo(2048);
        assertThat(SettingType.DURATION.parser().parse("PT90S")).isEqualTo(Duration.ofSeconds(90));
        assertThat(SettingType.DURATION.parser().parse("7d")).isEqualTo(Duration.ofDays(7));
        assertThat(SettingType.DURATION.parser().parse("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(SettingType.BOOLEAN.parser().parse("yes")).isTrue();
        assertThat(SettingType.LIST.parser().parse(" a, b ,,c ")).containsExactly("a", "b", "c");
        assertThat(SettingType.INT.parser().parse("42")).isEqualTo(42);
        assertThat(SettingType.DOUBLE.parser().parse("0.5")).isEqualTo(0.5);
        assertThat(SettingType.oneOf("exactly_once_v2", "at_least_once").parser().parse("AT_LEAST_ONCE")).isEqualTo("at_least_once");
    }

    @Test
    @DisplayName("defaults are written back as a user would write them")
    void formattedDefaults() {
        assertThat(SettingType.formatDuration(Duration.ofDays(7))).isEqualTo("7d");
        assertThat(SettingType.formatDuration(Duration.ofHours(48))).isEqualTo("48h");
        assertThat(SettingType.formatDuration(Duration.ofMillis(100))).isEqualTo("100ms");
        assertThat(SettingType.formatBytes(8L * 1024 * 1024)).isEqualTo("8MB");
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

        assertThat(s.get(FEEDS)).containsExactly("config/feeds.opml", "samples/feeds");
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
        assertThatThrownBy(() -> Settings.empty().get(REQUIRED))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("alerts.watches")
                .hasMessageContaining("NEWSWATCH_ALERTS_WATCHES");
    }
}
