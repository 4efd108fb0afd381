package io.newswatch.bench.alerts;

import io.newswatch.app.backtest.SpikeRule;
import io.newswatch.core.Alert;
import io.newswatch.core.AlertStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A causal count-threshold rule, the simplest detector that speaks the spike rule's own language, for mapping what any
 * such detector can reach on a stream ({@link DetectorFrontier}). At the end of each UTC hour it is <em>hot</em> when,
 * for some window of {@code W} hours ending then, the watch's matched articles reach both {@code minCount[W]} and
 * {@code factor * max(m, 1) * W / 24}, where {@code m} is the median daily count of the {@link SpikeRule#TRAILING_DAYS}
 * whole days before (the spike rule's baseline, known at that time). An alert opens at the end of the first hot hour
 * and resolves once {@code holdHours} have passed without one.
 *
 * @param factor    how many times the median rate a window must reach
 * @param minCount  window length in hours to the fewest articles it must hold
 * @param holdHours hours without a hot one before the alert resolves
 */
record ThresholdRule(double factor, SortedMap<Integer, Integer> minCount, int holdHours) {

    private static final long HOUR_MS = 3_600_000L;

    ThresholdRule {
        minCount = Collections.unmodifiableSortedMap(new TreeMap<>(minCount));
    }

    /** The OPENED and RESOLVED events this rule raises over one watch's hourly counts: whole UTC days from {@code firstDay}. */
    List<Alert> alerts(String watchId, int[] hourly, LocalDate firstDay) {
        if (hourly.length % 24 != 0) {
            throw new IllegalArgumentException("hourly counts must cover whole days, got " + hourly.length + " hours");
        }
        long t0 = firstDay.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        int hours = hourly.length;
        long[] cumulative = new long[hours + 1];
        for (int t = 0; t < hours; t++) {
            cumulative[t + 1] = cumulative[t] + hourly[t];
        }
        double[] median = trailingMedians(cumulative, hours / 24);
        List<Alert> out = new ArrayList<>();
        int openedAt = -1;
        int lastHot = -1;
        for (int t = 0; t < hours; t++) {
            if (hot(cumulative, t, Math.max(median[t / 24], 1.0))) {
                if (openedAt < 0) {
                    openedAt = t + 1;
                    out.add(event(watchId, openedAt, AlertStatus.OPENED, t0 + (t + 1) * HOUR_MS));
                }
                lastHot = t;
            } else if (openedAt >= 0 && t - lastHot >= holdHours) {
                out.add(event(watchId, openedAt, AlertStatus.RESOLVED, t0 + (t + 1) * HOUR_MS));
                openedAt = -1;
            }
        }
        return out;
    }

    private boolean hot(long[] cumulative, int t, double median) {
        for (var e : minCount.entrySet()) {
            int w = e.getKey();
            if (t + 1 < w) {
                continue;
            }
            long count = cumulative[t + 1] - cumulative[t + 1 - w];
            if (count >= e.getValue() && count >= factor * median * w / 24.0) {
                return true;
            }
        }
        return false;
    }

    /** Per day, the median daily count of the whole days before it (as many as there are, up to the spike rule's). */
    private static double[] trailingMedians(long[] cumulative, int days) {
        double[] out = new double[days];
        for (int d = 1; d < days; d++) {
            int from = Math.max(0, d - SpikeRule.TRAILING_DAYS);
            long[] daily = new long[d - from];
            for (int i = from; i < d; i++) {
                daily[i - from] = cumulative[(i + 1) * 24] - cumulative[i * 24];
            }
            Arrays.sort(daily);
            int n = daily.length;
            out[d] = n % 2 == 1 ? daily[n / 2] : (daily[n / 2 - 1] + daily[n / 2]) / 2.0;
        }
        return out;
    }

    private static Alert event(String watchId, int openedHour, AlertStatus status, long atMs) {
        Instant at = Instant.ofEpochMilli(atMs);
        return new Alert(Alert.SCHEMA_VERSION, watchId + "@" + openedHour, watchId, watchId, status, at, at, 0, 0, 0, 0, 0, 0,
                List.of(), "", at);
    }

    @Override
    public String toString() {
        return "factor " + factor + ", min " + minCount + " (hours: articles), hold " + holdHours + "h";
    }
}
