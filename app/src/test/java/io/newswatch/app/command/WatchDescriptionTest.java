package io.newswatch.app.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.alerts.AlertsSettings;
import io.newswatch.alerts.watch.WatchValidator;
import io.newswatch.core.Topics;
import io.newswatch.core.Watch;
import io.newswatch.core.WatchInput;
import io.newswatch.core.WatchSubject;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("newswatch watch list: one readable line per watch")
class WatchDescriptionTest {

    @Test
    @DisplayName("durations read as the settings write them")
    void durations() {
        assertThat(WatchCommand.human(Duration.ofMinutes(10))).isEqualTo("10m");
        assertThat(WatchCommand.human(Duration.ofDays(3))).isEqualTo("3d");
        assertThat(WatchCommand.human(Duration.ofHours(36))).isEqualTo("36h");
        assertThat(WatchCommand.human(Duration.ofSeconds(90))).isEqualTo("90s");
    }

    @Test
    @DisplayName("a line says what is counted and how, and never prints the webhook URL (it is a credential)")
    void line() {
        Watch w = new Watch("tomahawk", "Tomahawk missiles", new WatchSubject.Query("tomahawk*"), Duration.ofMinutes(10),
                Duration.ofDays(3), 6.0, 5, 3, Duration.ofHours(1), "alerts.tomahawk", "https://hooks.example/T0KEN", false, null);
        assertThat(WatchCommand.describe(w)).isEqualTo("tomahawk: query tomahawk*, bucket 10m, baseline 3d, sensitivity 6.0, "
                + "min 5 articles from 3 sources, also to topic alerts.tomahawk, webhook [disabled]  (Tomahawk missiles)");
    }

    @Test
    @DisplayName("a stored watch is listed as it checks, defaults filled; one the alerts stage would ignore says why")
    void storedWatch() {
        WatchValidator validator = new WatchValidator(AlertsSettings.defaults().watchDefaults(), Topics.defaults());
        WatchInput hungary = new WatchInput(WatchInput.SCHEMA_VERSION, "hu", null, null, null, "country:HU", null, null, null, null,
                null, null, null, null, null, null);
        assertThat(WatchCommand.describe(validator, hungary)).isEqualTo("hu: entity country:HU, bucket 10m, baseline 7d, "
                + "sensitivity 2.5, min 5 articles from 3 sources  (entity country:HU)");
        WatchInput both = new WatchInput(WatchInput.SCHEMA_VERSION, "two", null, "a*", "summit", null, null, null, null, null,
                null, null, null, null, null, null);
        assertThat(WatchCommand.describe(validator, both)).startsWith("two: ignored by the alerts stage, watch 'two': field 'query/tag/entity'");
    }
}
