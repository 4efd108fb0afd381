package io.newswatch.ingest.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FirstPollTest {

    private static final Duration TWO_MINUTES = Duration.ofMinutes(2);
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    @Test
    @DisplayName("a few new feeds start within seconds; many over the whole interval; the overdue of a restart over their share of it")
    void spread() {
        assertThat(FirstPoll.spread(0, 0, TWO_MINUTES)).isZero();
        assertThat(FirstPoll.spread(10, 10, TWO_MINUTES)).isEqualTo(Duration.ofSeconds(1));
        assertThat(FirstPoll.spread(1_200, 1_200, TWO_MINUTES)).isEqualTo(TWO_MINUTES);
        assertThat(FirstPoll.spread(30_000, 30_000, TWO_MINUTES)).isEqualTo(TWO_MINUTES);
        assertThat(FirstPoll.spread(300, 30_000, TWO_MINUTES)).isEqualTo(Duration.ofMillis(1_200));
        assertThat(FirstPoll.spread(0, 30_000, TWO_MINUTES)).isZero();
    }

    @Test
    @DisplayName("a saved due time ahead is kept; one passed, or none, gives a point in the spread, evenly used")
    void delay() {
        assertThat(FirstPoll.delay(NOW.plusSeconds(70), TWO_MINUTES, NOW)).isEqualTo(Duration.ofSeconds(70));
        int[] quarters = new int[4];
        for (int i = 0; i < 4_000; i++) {
            Duration d = FirstPoll.delay(i % 2 == 0 ? null : NOW.minusSeconds(5), TWO_MINUTES, NOW);
            assertThat(d).isBetween(Duration.ZERO, TWO_MINUTES);
            quarters[(int) Math.min(3, d.toMillis() * 4 / TWO_MINUTES.toMillis())]++;
        }
        for (int n : quarters) {
            assertThat(n).as("first polls in each quarter of the interval").isBetween(850, 1150);
        }
        assertThat(FirstPoll.delay(null, Duration.ZERO, NOW)).isZero();
    }
}
