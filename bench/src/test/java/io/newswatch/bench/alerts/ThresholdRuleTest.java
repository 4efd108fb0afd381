package io.newswatch.bench.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.core.Alert;
import io.newswatch.core.AlertStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ThresholdRuleTest {

    private static final LocalDate FIRST = LocalDate.parse("2023-03-01");
    /** Opens on 6 articles in 2 hours that are also 4 times the median rate; resolves 3 hours after the last such hour. */
    private static final ThresholdRule RULE = new ThresholdRule(4.0, new TreeMap<>(Map.of(2, 6)), 3);

    /** {@code perDay} articles each day (at 10:00 and after), then 4 in each of two hours of day 16 (08:00 and 09:00). */
    private static int[] stream(int perDay) {
        int[] hourly = new int[20 * 24];
        for (int d = 0; d < 20; d++) {
            for (int i = 0; i < perDay; i++) {
                hourly[d * 24 + 10 + i % 12]++;
            }
        }
        hourly[16 * 24 + 8] += 4;
        hourly[16 * 24 + 9] += 4;
        return hourly;
    }

    private static List<String> events(List<Alert> alerts) {
        return alerts.stream().map(a -> a.status() + " " + a.eventTime()).toList();
    }

    @Test
    void opensWhenAWindowReachesItsMinimumAndTheFactorAndResolvesAfterTheHold() {
        List<Alert> alerts = RULE.alerts("w", stream(2), FIRST);

        // 08:00 alone holds 4 (< 6); the window 08:00-10:00 holds 8: OPENED at its end. 10:00 and 11:00 hold 4 + the day's
        // own 2 in two hours (< 6), so the last hot hour is 09:00 and the hold of 3 hours ends at 13:00.
        assertThat(events(alerts)).containsExactly("OPENED 2023-03-17T10:00:00Z", "RESOLVED 2023-03-17T13:00:00Z");
        assertThat(alerts).extracting(Alert::alertId).containsOnly("w@" + (16 * 24 + 10));
    }

    @Test
    void aBusySubjectNeedsTheFactorTimesItsMedianRate() {
        // A median of 40 a day: 4 x 40 x 2 / 24 = 13.3 articles in 2 hours needed; the burst gives 8 + the day's own.
        // (The first day has no past: its median counts as 1, and its own 40 open an alert there.)
        Instant secondDay = Instant.parse("2023-03-02T00:00:00Z");
        assertThat(RULE.alerts("w", stream(40), FIRST)).filteredOn(a -> a.status() == AlertStatus.OPENED)
                .extracting(Alert::eventTime).allMatch(t -> t.isBefore(secondDay)).isNotEmpty();
        assertThat(RULE.alerts("w", stream(2), FIRST)).filteredOn(a -> a.status() == AlertStatus.OPENED).hasSize(1);
    }

    @Test
    void judgesEachHourOnThePastOnly() {
        int[] hourly = stream(2);
        List<Alert> before = RULE.alerts("w", hourly.clone(), FIRST);
        // A flood on the days after the burst changes neither the burst's median nor its alert.
        for (int h = 18 * 24; h < 20 * 24; h++) {
            hourly[h] += 50;
        }
        List<Alert> after = RULE.alerts("w", hourly, FIRST);

        Instant flood = Instant.parse("2023-03-19T00:00:00Z");
        assertThat(after.stream().filter(a -> a.eventTime().isBefore(flood)).toList()).isEqualTo(before);
        assertThat(after.stream().filter(a -> !a.eventTime().isBefore(flood)).map(Alert::status)).contains(AlertStatus.OPENED);
    }
}
