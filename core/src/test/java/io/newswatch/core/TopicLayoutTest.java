package io.newswatch.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("TopicLayout")
class TopicLayoutTest {

    private static final long DAY_MS = 86_400_000L;

    @Test
    @DisplayName("defaults: raw and enriched 6 partitions for 7 days, alerts 3 for 30 days, watches compacted, dlq 1 for 14 days, history 6 compacted")
    void defaults() {
        TopicLayout layout = TopicLayout.defaults(Topics.defaults());

        assertThat(layout.topics()).extracting(TopicLayout.TopicSpec::name, TopicLayout.TopicSpec::partitions).containsExactly(
                tuple("news.articles.raw", 6),
                tuple("news.articles.enriched", 6),
                tuple("news.alerts", 3),
                tuple("news.watches", 1),
                tuple("news.dlq", 1),
                tuple("news.articles.history", 6),
                tuple("news.feeds", 6),
                tuple("news.feed-state", 6),
                tuple("news.feed-status", 1));
        assertThat(config(layout, "news.articles.raw")).containsExactly(Map.entry("retention.ms", Long.toString(7 * DAY_MS)));
        assertThat(config(layout, "news.articles.enriched")).containsExactly(Map.entry("retention.ms", Long.toString(7 * DAY_MS)));
        assertThat(config(layout, "news.alerts")).containsExactly(Map.entry("retention.ms", Long.toString(30 * DAY_MS)));
        assertThat(config(layout, "news.dlq")).containsExactly(Map.entry("retention.ms", Long.toString(14 * DAY_MS)));
        assertThat(config(layout, "news.watches")).containsEntry("cleanup.policy", "compact").doesNotContainKey("retention.ms");
        // Imported articles carry months-old timestamps: time-based retention would delete them right after the import.
        assertThat(config(layout, "news.articles.history")).containsEntry("cleanup.policy", "compact").doesNotContainKey("retention.ms");
        for (String table : new String[] {"news.feeds", "news.feed-state", "news.feed-status"}) {
            assertThat(config(layout, table)).containsEntry("cleanup.policy", "compact").doesNotContainKey("retention.ms");
        }
        assertThat(layout.replicationFactor()).isEmpty();
    }

    @Test
    @DisplayName("the feed-state topic always has the feeds topic's partitions; a key of its own is refused")
    void feedStateFollowsFeeds() {
        TopicLayout layout = TopicLayout.from(Settings.of(Map.of("topics.feeds.partitions", "12")), Topics.defaults());
        assertThat(layout.find("news.feed-state")).get().extracting(TopicLayout.TopicSpec::partitions).isEqualTo(12);
        // Not declared, so refused at start as an unknown key, pointing at the one to set.
        SettingsCatalog catalog = new SettingsCatalog(List.of(TopicLayout.DEF), Set.of());
        assertThatThrownBy(() -> catalog.requireKnown(Settings.of(Map.of("topics.feed-state.partitions", "3"))))
                .isInstanceOf(SettingsException.class).hasMessageContaining("topics.feeds.partitions");
    }

    @Test
    @DisplayName("topic names carry the configured prefix")
    void prefix() {
        TopicLayout layout = TopicLayout.defaults(new Topics("backtest."));

        assertThat(layout.topics()).extracting(TopicLayout.TopicSpec::name)
                .containsExactly("backtest.news.articles.raw", "backtest.news.articles.enriched", "backtest.news.alerts",
                        "backtest.news.watches", "backtest.news.dlq", "backtest.news.articles.history",
                        "backtest.news.feeds", "backtest.news.feed-state", "backtest.news.feed-status");
    }

    @Test
    @DisplayName("partitions, retention and replication factor come from settings")
    void fromSettings() {
        Settings settings = Settings.of(Map.of(
                "topics.raw.partitions", "12",
                "topics.alerts.retention", "90d",
                "topics.dlq.retention", "36h",
                "topics.replication-factor", "3"));

        TopicLayout layout = TopicLayout.from(settings, Topics.defaults());

        assertThat(layout.find("news.articles.raw")).get().extracting(TopicLayout.TopicSpec::partitions).isEqualTo(12);
        assertThat(config(layout, "news.alerts")).containsEntry("retention.ms", Long.toString(90 * DAY_MS));
        assertThat(config(layout, "news.dlq")).containsEntry("retention.ms", Long.toString(36 * 3_600_000L));
        assertThat(layout.replicationFactor()).isEqualTo(Optional.of((short) 3));
    }

    @Test
    @DisplayName("retention 'forever' keeps records forever (retention.ms=-1), for backtests of old articles")
    void forever() {
        TopicLayout layout = TopicLayout.from(Settings.of(Map.of("topics.raw.retention", "Forever")), Topics.defaults());

        assertThat(config(layout, "news.articles.raw")).containsEntry("retention.ms", "-1");
    }

    @Test
    @DisplayName("bad values fail naming the config key")
    void badValues() {
        assertThatThrownBy(() -> TopicLayout.from(Settings.of(Map.of("topics.enriched.partitions", "0")), Topics.defaults()))
                .isInstanceOf(SettingsException.class).hasMessageContaining("topics.enriched.partitions");
        assertThatThrownBy(() -> TopicLayout.from(Settings.of(Map.of("topics.enriched.partitions", "many")), Topics.defaults()))
                .isInstanceOf(SettingsException.class).hasMessageContaining("topics.enriched.partitions").hasMessageContaining("many");
        assertThatThrownBy(() -> TopicLayout.from(Settings.of(Map.of("topics.raw.retention", "soon")), Topics.defaults()))
                .isInstanceOf(SettingsException.class).hasMessageContaining("topics.raw.retention").hasMessageContaining("forever");
        assertThatThrownBy(() -> TopicLayout.from(Settings.of(Map.of("topics.raw.retention", "0s")), Topics.defaults()))
                .isInstanceOf(SettingsException.class).hasMessageContaining("topics.raw.retention");
        assertThatThrownBy(() -> TopicLayout.from(Settings.of(Map.of("topics.replication-factor", "0")), Topics.defaults()))
                .isInstanceOf(SettingsException.class).hasMessageContaining("topics.replication-factor");
    }

    @Test
    @DisplayName("a retention on the compacted watches topic is refused rather than silently ignored")
    void noRetentionOnCompactedTopic() {
        // Compacted topics declare no retention key, so the catalog refuses it as unknown.
        SettingsCatalog catalog = new SettingsCatalog(List.of(TopicLayout.DEF), Set.of());
        assertThatThrownBy(() -> catalog.requireKnown(Settings.of(Map.of("topics.watches.retention", "7d"))))
                .isInstanceOf(SettingsException.class).hasMessageContaining("topics.watches.retention: unknown setting")
                .hasMessageContaining("nearest known keys: topics.alerts.retention");
    }

    private static Map<String, String> config(TopicLayout layout, String topic) {
        return layout.find(topic).orElseThrow().configs();
    }
}
