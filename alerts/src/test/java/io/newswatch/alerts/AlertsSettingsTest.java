package io.newswatch.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswatch.core.Settings;
import io.newswatch.core.SettingsException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AlertsSettingsTest {

    @Test
    @DisplayName("defaults: exactly-once, watches from config/watches.yaml, 10 min buckets, no global webhook")
    void defaults() {
        AlertsSettings s = AlertsSettings.defaults();
        assertThat(s.processingGuarantee()).isEqualTo("exactly_once_v2");
        assertThat(s.applicationId()).isEqualTo("newswatch-alerts");
        assertThat(s.watchesFile()).isEqualTo(Path.of("config", "watches.yaml"));
        assertThat(s.watchDefaults().bucket()).isEqualTo(Duration.ofMinutes(10));
        assertThat(s.watchDefaults().sensitivity()).isEqualTo(2.5);
        assertThat(s.webhook().defaultUrl()).isEmpty();
        assertThat(s.webhook().groupId()).isEqualTo("newswatch-alerts-webhooks");
    }

    @Test
    @DisplayName("keys under alerts. override the defaults; the topic prefix prefixes the application id and group")
    void overrides() {
        AlertsSettings s = AlertsSettings.from(Settings.of(Map.of(
                "kafka.topic-prefix", "bt.",
                "alerts.defaults.min-sources", "4",
                "alerts.webhook.url", "https://hooks.example.com/x",
                "alerts.processing-guarantee", "AT_LEAST_ONCE")));
        assertThat(s.applicationId()).isEqualTo("bt.newswatch-alerts");
        assertThat(s.webhook().groupId()).isEqualTo("bt.newswatch-alerts-webhooks");
        assertThat(s.watchDefaults().minSources()).isEqualTo(4);
        assertThat(s.webhook().defaultUrl()).hasValueSatisfying(u -> assertThat(u.getHost()).isEqualTo("hooks.example.com"));
        assertThat(s.processingGuarantee()).isEqualTo("at_least_once");
    }

    @Test
    @DisplayName("the topic prefix goes before a configured application id and webhook group too")
    void prefixBeforeConfiguredIds() {
        AlertsSettings s = AlertsSettings.from(Settings.of(Map.of("kafka.topic-prefix", "bt.", "alerts.application-id", "mine",
                "alerts.webhook.group-id", "hooks")));
        assertThat(s.applicationId()).isEqualTo("bt.mine");
        assertThat(s.webhook().groupId()).isEqualTo("bt.hooks");
    }

    @Test
    @DisplayName("detector scales are sorted and must be positive multiples of 5m")
    void scales() {
        assertThat(AlertsSettings.from(Settings.of(Map.of("alerts.detector.scales", "1h, 10m"))).tuning().scales())
                .containsExactly(Duration.ofMinutes(10), Duration.ofHours(1));
        assertThatThrownBy(() -> AlertsSettings.from(Settings.of(Map.of("alerts.detector.scales", "10m,7m"))))
                .hasMessageContaining("config key alerts.detector.scales: expected positive multiples of 5m, got '10m,7m'");
    }

    @Test
    @DisplayName("bad values fail naming the key")
    void badValues() {
        assertThatThrownBy(() -> AlertsSettings.from(Settings.of(Map.of("alerts.processing-guarantee", "maybe"))))
                .isInstanceOf(SettingsException.class).hasMessageContaining("alerts.processing-guarantee");
        assertThatThrownBy(() -> AlertsSettings.from(Settings.of(Map.of("alerts.commit-interval", "soon"))))
                .isInstanceOf(SettingsException.class).hasMessageContaining("alerts.commit-interval");
        assertThatThrownBy(() -> AlertsSettings.from(Settings.of(Map.of("alerts.webhook.url", "ftp://secret-token@x/y"))))
                .isInstanceOf(SettingsException.class).hasMessageContaining("alerts.webhook.url").hasMessageNotContaining("secret-token");
        assertThatThrownBy(() -> AlertsSettings.from(Settings.of(Map.of("alerts.detector.escalation", "1"))))
                .isInstanceOf(SettingsException.class).hasMessageContaining("alerts.detector.escalation");
    }
}
