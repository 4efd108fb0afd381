package io.newswatch.app.backtest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Judges each UTC day of one watch's counts by a {@link SpikeRule}: its trailing median, whether it is a spike day, its surge start. */
public final class SpikeDays {

    /**
     * One day of one watch.
     *
     * @param index      day number from the backtest's first day
     * @param matched    articles the watch matched that day
     * @param judged     false for the first {@code trailingDays} days, which have no full history
     * @param median     median daily count of the trailing days (0 when not judged)
     * @param spike      a spike day
     * @param surgeStart for a spike day, the start of its surge (see {@link SpikeRule}); else null
     */
    public record Day(int index, LocalDate date, int matched, boolean judged, double median, boolean spike, Instant surgeStart) {

        public Instant start() {
            return date.atStartOfDay(ZoneOffset.UTC).toInstant();
        }

        public Instant end() {
            return date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
    }

    private SpikeDays() {
    }

    public static List<Day> judge(WatchCounts counts, LocalDate firstDay, SpikeRule rule) {
        int days = counts.days();
        int[] daily = new int[days];
        for (int d = 0; d < days; d++) {
            daily[d] = counts.day(d);
        }
        List<Day> out = new ArrayList<>(days);
        int window = rule.trailingDays();
        for (int d = 0; d < days; d++) {
            LocalDate date = firstDay.plusDays(d);
            if (d < window) {
                out.add(new Day(d, date, daily[d], false, 0, false, null));
                continue;
            }
            int[] trailing = Arrays.copyOfRange(daily, d - window, d);
            double median = median(trailing);
            boolean spike = daily[d] >= rule.spikeFactor() * median && daily[d] >= rule.spikeMinArticles();
            Instant surge = spike ? surgeStart(counts, d, date, Arrays.stream(trailing).sum() / (window * 24.0), rule) : null;
            out.add(new Day(d, date, daily[d], true, median, spike, surge));
        }
        return out;
    }

    /** The start of the day's first hour at or above the surge level; the start of the day when none is. */
    private static Instant surgeStart(WatchCounts counts, int day, LocalDate date, double meanHourly, SpikeRule rule) {
        double level = Math.max(rule.surgeFactor() * meanHourly, rule.surgeMinArticles());
        Instant dayStart = date.atStartOfDay(ZoneOffset.UTC).toInstant();
        for (int h = 0; h < 24; h++) {
            if (counts.hour(day, h) >= level) {
                return dayStart.plusSeconds(h * 3600L);
            }
        }
        return dayStart;
    }

    static double median(int[] values) {
        int[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }
}
