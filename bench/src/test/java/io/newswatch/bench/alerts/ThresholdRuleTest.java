package io.newswatch.bench.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.core.Alert;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the frontier's threshold rule")
class ThresholdRuleTest {

    private static final LocalDate FIRST = LocalDate.parse("2023-03-01");
    private static final int DAYS = 20;

    /** {@code perDay} articles a day, one an hour from {@code fromHour} on (wrapping within the day). */
    private static int[] steady(int perDay, int fromHour) {
        int[] hourly = new int[DAYS * 24];
        for (int d = 0; d < DAYS; d++) {
            for (int i = 0; i < perDay; i++) {
                hourly[d * 24 + (fromHour + i) % 24]++;
            }
        }
        return hourly;
    }

    private static int[] withBurst(int[] hourly, int day, int hour, int... counts) {
        int[] out = hourly.clone();
        for (int i = 0; i < counts.length; i++) {
            out[day * 24 + hour + i] += counts[i];
        }
        return out;
    }

    private static ThresholdRule rule(double factor, int windowHours, int minCount, int holdHours) {
        return new ThresholdRule(factor, new TreeMap<>(Map.of(windowHours, minCount)), holdHours);
    }

    private static List<String> events(List<Alert> alerts) {
        return alerts.stream().map(a -> a.status() + " " + a.eventTime()).toList();
    }

    @Test
    @DisplayName("opens at the end of the first hour whose window holds its minimum, and resolves after the hold")
    void opensOnTheMinimumAndResolvesAfterTheHold() {
        // 2 a day (10:00 and 11:00), and on day 16 a burst of 4 at 08:00 and 4 at 09:00.
        int[] hourly = withBurst(steady(2, 10), 16, 8, 4, 4);

        List<Alert> alerts = rule(4.0, 2, 6, 3).alerts("w", hourly, FIRST);

        // The 2 hours ending at 09:00 hold 4, those ending at 10:00 hold 8: OPENED at 10:00. Those ending at 11:00 hold
        // 4 + 1 = 5 and at 12:00 hold 2, so the last hot hour is the one ending at 10:00, and a hold of 3 hours ends at 13:00.
        assertThat(events(alerts)).containsExactly("OPENED 2023-03-17T10:00:00Z", "RESOLVED 2023-03-17T13:00:00Z");
        assertThat(alerts).extracting(Alert::alertId).containsOnly("w@" + (16 * 24 + 10));
    }

    @Test
    @DisplayName("asks of a window the factor times the median's rate over that window (W / 24 of a day), not of a day")
    void theFactorIsProRataOfTheWindow() {
        // 12 a day (00:00 to 11:00): over 2 hours, 4 x 12 x 2 / 24 = 4 articles are needed, and at least the minimum 3.
        int[] steady = steady(12, 0);
        ThresholdRule rule = rule(4.0, 2, 3, 1);

        assertThat(events(rule.alerts("w", withBurst(steady, 16, 20, 3, 3), FIRST)))
                .as("6 in the evening's 2 hours: at least 4").containsExactly("OPENED 2023-03-17T22:00:00Z", "RESOLVED 2023-03-17T23:00:00Z");
        assertThat(rule.alerts("w", withBurst(steady, 16, 20, 2, 1), FIRST))
                .as("3 in 2 hours: the minimum, but short of 4 times the median's rate").isEmpty();
    }

    @Test
    @DisplayName("a busy subject needs the factor times its own median rate")
    void aBusySubjectNeedsTheFactorTimesItsMedianRate() {
        // The same burst on a median of 40 a day (2 an hour from 00:00 to 16:00, then 1) needs 4 x 40 x 2 / 24 = 13.3 in
        // 2 hours; the best 2 hours of day 16 hold 4 + 4 + 2 + 2 = 12. With a factor of 1 the minimum of 6 decides.
        int[] hourly = withBurst(steady(40, 0), 16, 8, 4, 4);

        assertThat(rule(4.0, 2, 6, 3).alerts("w", hourly, FIRST)).isEmpty();
        assertThat(events(rule(1.0, 2, 6, 3).alerts("w", hourly, FIRST))).first().isEqualTo("OPENED 2023-03-17T09:00:00Z");
    }

    @Test
    @DisplayName("judges each hour on the days before it only: what comes later, even that same day, changes nothing")
    void judgesEachHourOnThePastOnly() {
        // A burst on day 1, judged on day 0's median (2). Then a flood from the next hour to the end, more than the spike
        // rule's 14 days: a median of the whole stream, of the days around, or of the burst's own day would all be
        // far above 2, and the burst would not open.
        int[] hourly = withBurst(steady(2, 10), 1, 8, 4, 4);
        List<Alert> before = rule(4.0, 2, 6, 3).alerts("w", hourly, FIRST);
        int[] flooded = hourly.clone();
        for (int h = 24 + 10; h < flooded.length; h++) {
            flooded[h] += 50;
        }
        List<Alert> after = rule(4.0, 2, 6, 3).alerts("w", flooded, FIRST);

        assertThat(before).first().extracting(a -> a.status() + " " + a.eventTime()).isEqualTo("OPENED 2023-03-02T10:00:00Z");
        assertThat(after).first().isEqualTo(before.getFirst());
    }
}
