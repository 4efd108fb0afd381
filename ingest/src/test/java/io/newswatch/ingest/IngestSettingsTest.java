package io.newswatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswatch.core.Settings;
import io.newswatch.core.SettingsException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class IngestSettingsTest {

    @Test
    @DisplayName("defaults are the documented ones")
    void defaults() {
        IngestSettings s = IngestSettings.defaults();
        assertThat(s.feeds()).containsExactly("config/feeds.opml", "samples/feeds");
        assertThat(s.minInterval()).isEqualTo(Duration.ofMinutes(2));
        assertThat(s.maxInterval()).isEqualTo(Duration.ofMinutes(30));
        assertThat(s.maxBodyBytes()).isEqualTo(8L * 1024 * 1024);
        assertThat(s.maxRedirects()).isEqualTo(5);
        assertThat(s.userAgent()).startsWith("newswatch/");
        assertThat(s.eventTimeRule().maxAge()).isEqualTo(Duration.ofDays(30));
    }

    @Test
    @DisplayName("keys under ingest. are read with their types")
    void keys() {
        IngestSettings s = IngestSettings.from(Settings.of(Map.of("ingest.feeds", "a.opml, b/", "ingest.min-interval", "30s",
                "ingest.max-body-bytes", "2MB", "ingest.event-time.max-future-skew", "5m", "ingest.per-host-concurrency", "1")));
        assertThat(s.feeds()).isEqualTo(List.of("a.opml", "b/"));
        assertThat(s.minInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.maxBodyBytes()).isEqualTo(2L * 1024 * 1024);
        assertThat(s.eventTimeRule().maxFutureSkew()).isEqualTo(Duration.ofMinutes(5));
        assertThat(s.perHostConcurrency()).isEqualTo(1);
    }

    @Test
    @DisplayName("inconsistent or malformed values fail naming the key")
    void bad() {
        assertThatThrownBy(() -> IngestSettings.from(Settings.of(Map.of("ingest.min-interval", "1h", "ingest.max-interval", "5m"))))
                .isInstanceOf(SettingsException.class).hasMessageContaining("ingest.max-interval");
        assertThatThrownBy(() -> IngestSettings.from(Settings.of(Map.of("ingest.per-host-concurrency", "0"))))
                .isInstanceOf(SettingsException.class).hasMessageContaining("ingest.per-host-concurrency");
        assertThatThrownBy(() -> IngestSettings.from(Settings.of(Map.of("ingest.read-timeout", "soon"))))
                .isInstanceOf(SettingsException.class).hasMessageContaining("ingest.read-timeout");
    }
}
