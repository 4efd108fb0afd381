package io.newswatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.core.FeedStatus.Health;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FeedHealthRuleTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private final FeedHealthRule rule = new FeedHealthRule(5, 8, Duration.ofHours(6));

    private Health judge(int errors, Duration quiet, Duration gap) {
        return rule.judge(new FeedHealthRule.Observed(errors, quiet == null ? null : NOW.minus(quiet), gap), NOW);
    }

    @Test
    @DisplayName("failing after 5 failed polls in a row, not before")
    void failing() {
        assertThat(judge(4, Duration.ofMinutes(5), Duration.ofMinutes(10))).isEqualTo(Health.HEALTHY);
        assertThat(judge(5, Duration.ofMinutes(5), Duration.ofMinutes(10))).isEqualTo(Health.FAILING);
        assertThat(judge(50, null, null)).isEqualTo(Health.FAILING);
    }

    @Test
    @DisplayName("silent when quiet for more than 8 usual gaps, and never before 6 hours")
    void silent() {
        Duration hourly = Duration.ofHours(1);
        assertThat(judge(0, Duration.ofHours(8), hourly)).isEqualTo(Health.HEALTHY);
        assertThat(judge(0, Duration.ofHours(8).plusMinutes(1), hourly)).isEqualTo(Health.SILENT);
        Duration busy = Duration.ofMinutes(5); // 8 gaps = 40 min, but a quiet night is not silence
        assertThat(judge(0, Duration.ofHours(5), busy)).isEqualTo(Health.HEALTHY);
        assertThat(judge(0, Duration.ofHours(7), busy)).isEqualTo(Health.SILENT);
        assertThat(rule.threshold(Duration.ofDays(1))).isEqualTo(Duration.ofDays(8));
    }

    @Test
    @DisplayName("a feed without dated items is never silent; one failing now is failing or recovering, not silent")
    void notSilent() {
        assertThat(judge(0, null, null)).isEqualTo(Health.HEALTHY);
        assertThat(judge(0, Duration.ofDays(30), null)).isEqualTo(Health.HEALTHY);
        assertThat(judge(2, Duration.ofDays(30), Duration.ofHours(1))).isEqualTo(Health.HEALTHY);
    }
}
