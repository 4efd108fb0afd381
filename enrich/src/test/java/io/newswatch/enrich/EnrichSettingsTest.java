package io.newswatch.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswatch.core.Settings;
import io.newswatch.core.SettingsException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EnrichSettingsTest {

    @Test
    @DisplayName("defaults: shipped taxonomy and gazetteer, exactly-once v2, 7-day dedup, 48h story horizon")
    void defaults() {
        EnrichSettings s = EnrichSettings.defaults();

        assertThat(s.taxonomyPath()).isEqualTo(Path.of("config/taxonomy.yaml"));
        assertThat(s.gazetteerDir()).isEqualTo(Path.of("config/gazetteer"));
        assertThat(s.applicationId()).isEqualTo("newswatch-enrich");
        assertThat(s.processingGuarantee()).isEqualTo("exactly_once_v2");
        assertThat(s.streams().stateDir()).isEqualTo(Path.of("data/streams"));
        assertThat(s.dedupRetention()).isEqualTo(Duration.ofDays(7));
        assertThat(s.storyHorizon()).isEqualTo(Duration.ofHours(48));
        assertThat(s.storyMaxDistance()).isEqualTo(EnrichSettings.STORY_MAX_DISTANCE.defaultValue().orElseThrow());
        assertThat(s.commitInterval()).isEmpty();
    }

    @Test
    @DisplayName("the topic prefix prefixes the default application id; every key can be set")
    void overrides() {
        EnrichSettings s = EnrichSettings.from(Settings.of(Map.of(
                "kafka.topic-prefix", "backtest.",
                "enrich.processing-guarantee", "AT_LEAST_ONCE",
                "enrich.dedup-retention", "2d",
                "enrich.story-horizon", "6h",
                "enrich.story-max-distance", "4",
                "enrich.commit-interval", "500ms",
                "enrich.threads", "2")));

        assertThat(s.applicationId()).isEqualTo("backtest.newswatch-enrich");
        assertThat(s.processingGuarantee()).isEqualTo("at_least_once");
        assertThat(s.dedupRetention()).isEqualTo(Duration.ofDays(2));
        assertThat(s.storyHorizon()).isEqualTo(Duration.ofHours(6));
        assertThat(s.storyMaxDistance()).isEqualTo(4);
        assertThat(s.commitInterval()).contains(Duration.ofMillis(500));
        assertThat(s.threads()).isEqualTo(2);
    }

    @Test
    @DisplayName("the topic prefix goes before a configured application id too: a backtest never shares live's group or state")
    void prefixBeforeConfiguredId() {
        EnrichSettings s = EnrichSettings.from(Settings.of(Map.of("kafka.topic-prefix", "bt.", "enrich.application-id", "my-enrich")));

        assertThat(s.applicationId()).isEqualTo("bt.my-enrich");
    }

    @Test
    @DisplayName("state lives under app.data-dir unless enrich.state-dir says otherwise")
    void stateDirectory() {
        assertThat(EnrichSettings.from(Settings.of(Map.of("app.data-dir", "/var/nw"))).streams().stateDir())
                .isEqualTo(Path.of("/var/nw/streams"));
        assertThat(EnrichSettings.from(Settings.of(Map.of("app.data-dir", "/var/nw", "enrich.state-dir", "/fast"))).streams().stateDir())
                .isEqualTo(Path.of("/fast"));
    }

    @Test
    @DisplayName("bad values fail naming the key")
    void badValues() {
        assertThatThrownBy(() -> EnrichSettings.from(Settings.of(Map.of("enrich.processing-guarantee", "exactly_once"))))
                .isInstanceOf(SettingsException.class).hasMessageContaining("enrich.processing-guarantee");
        assertThatThrownBy(() -> EnrichSettings.from(Settings.of(Map.of("enrich.story-max-distance", "40"))))
                .isInstanceOf(SettingsException.class).hasMessageContaining("enrich.story-max-distance");
        assertThatThrownBy(() -> EnrichSettings.from(Settings.of(Map.of("enrich.dedup-retention", "soon"))))
                .isInstanceOf(SettingsException.class).hasMessageContaining("enrich.dedup-retention");
    }

    @Test
    @DisplayName("streams properties add id, guarantee, state dir and handlers to the base without changing it")
    void streamsProperties() {
        Properties base = new Properties();
        base.put("bootstrap.servers", "kafka:9092");
        Properties p = EnrichTopology.streamsProperties(EnrichSettings.from(Settings.of(Map.of("kafka.topic-prefix", "bt."))), base);

        assertThat(p.getProperty("bootstrap.servers")).isEqualTo("kafka:9092");
        assertThat(p.get(StreamsConfig.APPLICATION_ID_CONFIG)).isEqualTo("bt.newswatch-enrich");
        assertThat(p.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
        assertThat(p.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG)).isEqualTo("bt.news.dlq");
        assertThat(base).hasSize(1);
    }
}
