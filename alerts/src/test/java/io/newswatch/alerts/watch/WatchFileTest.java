package io.newswatch.alerts.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswatch.alerts.AlertsSettings;
import io.newswatch.core.Topics;
import io.newswatch.core.Watch;
import io.newswatch.core.WatchInput;
import io.newswatch.core.WatchSubject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WatchFileTest {

    final WatchValidator validator = new WatchValidator(AlertsSettings.defaults().watchDefaults(), Topics.defaults());

    @Test
    @DisplayName("the shipped config/watches.yaml parses and every watch validates (queries compile)")
    void shippedFileIsValid() {
        List<WatchInput> watches = WatchFile.load(Path.of("..", "config", "watches.yaml"));
        assertThat(watches).extracting(WatchInput::id).contains("tomahawk", "arms-transfer", "hungary");
        List<Watch> valid = watches.stream().map(validator::validate).toList();
        assertThat(valid).filteredOn(w -> w.id().equals("hungary")).singleElement()
                .satisfies(w -> assertThat(w.subject()).isEqualTo(new WatchSubject.Entity("country:HU")));
        assertThat(valid).filteredOn(w -> w.id().equals("tomahawk")).singleElement()
                .satisfies(w -> assertThat(w.subject()).isEqualTo(new WatchSubject.Query("tomahawk*")));
    }

    @Test
    @DisplayName("durations in the short form, camelCase or kebab-case field names")
    void parsesFields() {
        List<WatchInput> w = WatchFile.parse("""
                watches:
                  - id: hu
                    entity: country:HU
                    bucket: 5m
                    baseline: 2d
                    min-sources: 4
                    minArticles: 7
                    sensitivity: 7.5
                    cooldown: PT2H
                    enabled: false
                """, "test");
        assertThat(w).singleElement().satisfies(x -> {
            assertThat(x.bucket()).isEqualTo(Duration.ofMinutes(5));
            assertThat(x.baseline()).isEqualTo(Duration.ofDays(2));
            assertThat(x.minSources()).isEqualTo(4);
            assertThat(x.minArticles()).isEqualTo(7);
            assertThat(x.sensitivity()).isEqualTo(7.5);
            assertThat(x.cooldown()).isEqualTo(Duration.ofHours(2));
            assertThat(x.enabled()).isFalse();
        });
    }

    @Test
    @DisplayName("a typo in a field name, a bad duration or a duplicate id is refused with the field named")
    void refusesMistakes() {
        assertThatThrownBy(() -> WatchFile.parse("watches:\n  - id: a\n    tag: summit\n    sensitivty: 3\n", "f.yaml"))
                .isInstanceOf(InvalidWatchException.class).hasMessageContaining("field 'sensitivty'").hasMessageContaining("watch #1");
        assertThatThrownBy(() -> WatchFile.parse("watches:\n  - id: a\n    tag: summit\n    bucket: soon\n", "f.yaml"))
                .isInstanceOf(InvalidWatchException.class).hasMessageContaining("field 'bucket'");
        assertThatThrownBy(() -> WatchFile.parse("watches:\n  - id: a\n    tag: summit\n  - id: a\n    tag: sanctions\n", "f.yaml"))
                .hasMessageContaining("appears twice");
        assertThatThrownBy(() -> WatchFile.parse("watchez: []\n", "f.yaml")).hasMessageContaining("'watches:'");
    }
}
