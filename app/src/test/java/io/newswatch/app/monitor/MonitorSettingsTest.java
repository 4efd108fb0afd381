package io.newswatch.app.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswatch.core.Settings;
import io.newswatch.core.SettingsException;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("monitor settings: http.host, http.port and metrics.per-feed")
class MonitorSettingsTest {

    @Test
    @DisplayName("defaults: 127.0.0.1:8080, per-feed series on")
    void defaults() {
        MonitorSettings s = MonitorSettings.from(Settings.empty());
        assertThat(s).isEqualTo(new MonitorSettings("127.0.0.1", 8080, true));
        assertThat(s.enabled()).isTrue();
    }

    @Test
    @DisplayName("0 picks a free port; -1 and off serve nothing")
    void zeroAndOff() {
        assertThat(MonitorSettings.port(Settings.of(Map.of("http.port", "0")))).isZero();
        assertThat(MonitorSettings.from(Settings.of(Map.of("http.port", "-1"))).enabled()).isFalse();
        assertThat(MonitorSettings.from(Settings.of(Map.of("http.port", "off"))).enabled()).isFalse();
    }

    @Test
    @DisplayName("a port out of range or not a number fails naming the key")
    void badPort() {
        assertThatThrownBy(() -> MonitorSettings.from(Settings.of(Map.of("http.port", "70000"))))
                .isInstanceOf(SettingsException.class).hasMessageContaining("http.port").hasMessageContaining("70000");
        assertThatThrownBy(() -> MonitorSettings.from(Settings.of(Map.of("http.port", "eighty"))))
                .isInstanceOf(SettingsException.class).hasMessageContaining("http.port");
    }

    @Test
    @DisplayName("a replay decides its port itself and keeps the host and per-feed switch")
    void portGiven() {
        Settings live = Settings.of(Map.of("http.port", "8080", "http.host", "0.0.0.0", "metrics.per-feed", "false"));
        assertThat(MonitorSettings.from(live, MonitorSettings.OFF)).isEqualTo(new MonitorSettings("0.0.0.0", -1, false));
    }
}
