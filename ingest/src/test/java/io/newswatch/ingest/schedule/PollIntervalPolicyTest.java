package io.newswatch.ingest.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PollIntervalPolicyTest {

    private static final Duration MIN = Duration.ofMinutes(2);
    private static final Duration MAX = Duration.ofMinutes(30);
    private static final Instant NOW = Instant.parse("2025-10-17T12:00:00Z");
    private final PollIntervalPolicy policy = new PollIntervalPolicy(MIN, MAX, Duration.ofHours(2), new Random(42));

    private static List<Instant> everyMinutes(int minutes, int count) {
        List<Instant> times = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            times.add(NOW.minus(Duration.ofMinutes((long) minutes * i)));
        }
        return times;
    }

    @Test
    @DisplayName("a feed posting every 20 minutes is polled every 10")
    void postingRate() {
        assertThat(policy.afterSuccess(everyMinutes(20, 10), List.of(), NOW)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    @DisplayName("the usual gap is the mean gap between the recent items, unknown with fewer than two dated items")
    void usualGap() {
        assertThat(PollIntervalPolicy.usualGap(everyMinutes(20, 10), NOW)).isEqualTo(Duration.ofMinutes(20));
        assertThat(PollIntervalPolicy.usualGap(everyMinutes(20, 1), NOW)).isNull();
        assertThat(PollIntervalPolicy.usualGap(List.of(NOW.plusSeconds(60), NOW), NOW)).as("future items are left out").isNull();
    }

    @Test
    @DisplayName("the interval is clamped to [min, max]")
    void clamped() {
        assertThat(policy.afterSuccess(everyMinutes(1, 10), List.of(), NOW)).isEqualTo(MIN);
        assertThat(policy.afterSuccess(everyMinutes(600, 10), List.of(), NOW)).isEqualTo(MAX);
    }

    @Test
    @DisplayName("a feed that went quiet is not treated as busy")
    void quiet() {
        List<Instant> busyYesterday = everyMinutes(2, 10).stream().map(t -> t.minus(Duration.ofDays(1))).toList();
        assertThat(policy.afterSuccess(busyYesterday, List.of(), NOW)).isEqualTo(MAX);
    }

    @Test
    @DisplayName("never shorter than the publisher's ttl or max-age, even above max")
    void floors() {
        assertThat(policy.afterSuccess(everyMinutes(1, 10), List.of(Duration.ofMinutes(15)), NOW)).isEqualTo(Duration.ofMinutes(15));
        assertThat(policy.afterSuccess(everyMinutes(1, 10), List.of(Duration.ofHours(1)), NOW)).isEqualTo(Duration.ofHours(1));
        assertThat(policy.afterSuccess(everyMinutes(1, 10), List.of(Duration.ofDays(400)), NOW)).isEqualTo(PollIntervalPolicy.MAX_FLOOR);
    }

    @Test
    @DisplayName("without dates the interval is the geometric middle of min and max")
    void noDates() {
        assertThat(policy.afterSuccess(List.of(), List.of(), NOW)).isBetween(Duration.ofMinutes(7), Duration.ofMinutes(8));
    }

    @Test
    @DisplayName("errors back off exponentially with jitter, capped, and never before Retry-After")
    void backoff() {
        for (int errors = 1; errors <= 12; errors++) {
            Duration full = Duration.ofMillis(Math.min(Duration.ofHours(2).toMillis(), MIN.toMillis() << (errors - 1)));
            assertThat(policy.afterError(errors, null)).isBetween(full.dividedBy(2), full);
        }
        assertThat(policy.afterError(1, Duration.ofMinutes(45))).isEqualTo(Duration.ofMinutes(45));
    }

    @Test
    @DisplayName("a 304 keeps the interval but respects a new max-age")
    void unchanged() {
        assertThat(policy.unchanged(Duration.ofMinutes(5), null)).isEqualTo(Duration.ofMinutes(5));
        assertThat(policy.unchanged(Duration.ofMinutes(5), Duration.ofMinutes(20))).isEqualTo(Duration.ofMinutes(20));
    }
}
