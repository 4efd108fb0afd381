package io.newswatch.ingest.health;

import io.newswatch.ingest.FeedHealthRule;
import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.core.FeedStatus;
import io.newswatch.core.FeedStatus.Health;
import io.newswatch.ingest.FeedSource;
import io.newswatch.ingest.schedule.FeedState;
import io.newswatch.ingest.schedule.SavedFeedState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FeedHealthReporterTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private final List<FeedStatus> reported = new ArrayList<>();
    private final FeedHealthReporter reporter = new FeedHealthReporter(new FeedHealthRule(3, 8, Duration.ofHours(6)), reported::add);

    /** A feed as a saved state describes it: an error streak, its newest item and usual gap, and the health last reported. */
    private static FeedState feed(int errors, Instant newest, Duration gap, Health health) {
        SavedFeedState saved = new SavedFeedState("https://user:pw@example.com/rss?token=s3cret", null, null, List.of(), 0,
                Duration.ofMinutes(5),
                errors, null, errors > 0 ? "HTTP 503 Service Unavailable" : null, null, newest, gap, health, null, NOW);
        return FeedState.restore(new FeedSource(saved.location(), "Example"), 10, Duration.ofMinutes(5), saved);
    }

    @Test
    @DisplayName("a change is reported once, with the reason, without credentials; no change, no report")
    void reportsChangesOnce() {
        FeedState failing = feed(3, null, null, Health.HEALTHY);
        FeedStatus status = reporter.check(failing, NOW);
        assertThat(status.health()).isEqualTo(Health.FAILING);
        assertThat(status.previous()).isEqualTo(Health.HEALTHY);
        assertThat(status.reason()).isEqualTo("3 polls in a row failed; last: HTTP 503 Service Unavailable");
        assertThat(status.feed()).doesNotContain("pw").doesNotContain("s3cret");
        assertThat(status.name()).isEqualTo("Example");
        assertThat(failing.health()).isEqualTo(Health.FAILING);
        assertThat(reporter.check(failing, NOW)).isNull();
        assertThat(reported).containsExactly(status);
    }

    @Test
    @DisplayName("silent: how long, against the usual gap; a health already reported before a move is not reported again")
    void silent() {
        FeedState quiet = feed(0, NOW.minus(Duration.ofDays(2)), Duration.ofHours(2), Health.HEALTHY);
        assertThat(reporter.check(quiet, NOW).reason()).isEqualTo("no new item for 2 d; usually one every 2 h (silent after 16 h)");
        assertThat(reporter.check(feed(0, NOW.minus(Duration.ofDays(2)), Duration.ofHours(2), Health.SILENT), NOW)).isNull();
    }

    @Test
    @DisplayName("healthy again after failing or silence")
    void recovers() {
        FeedStatus back = reporter.check(feed(0, NOW.minusSeconds(60), Duration.ofHours(2), Health.FAILING), NOW);
        assertThat(back.health()).isEqualTo(Health.HEALTHY);
        assertThat(back.reason()).isEqualTo("polls succeed again");
        FeedState wasSilent = feed(0, NOW.minusSeconds(60), Duration.ofHours(2), Health.SILENT);
        assertThat(reporter.check(wasSilent, NOW).reason()).isEqualTo("new items again");
    }

    @Test
    @DisplayName("durations read as people say them")
    void human() {
        assertThat(FeedHealthReporter.human(Duration.ofSeconds(40))).isEqualTo("40 s");
        assertThat(FeedHealthReporter.human(Duration.ofMinutes(310))).isEqualTo("5 h 10 min");
        assertThat(FeedHealthReporter.human(Duration.ofHours(76))).isEqualTo("3 d 4 h");
    }
}
