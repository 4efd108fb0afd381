package io.newswatch.bench.alerts;

import io.newswatch.app.backtest.BacktestReport;
import io.newswatch.app.backtest.BacktestReport.DayRow;
import io.newswatch.app.backtest.BacktestReport.SpikeDayRow;
import io.newswatch.app.backtest.BacktestReport.WatchScore;
import io.newswatch.app.backtest.SpikeRule;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * What a detector has to go on, in figures any reader can check against the stream (docs/ALERTS.md, "How far the
 * goals can be reached"): how many matched headlines the spike days hold around their surge start, and how far the
 * watches' ordinary daily counts swing.
 */
final class SpikeDayEvidence {

    private static final int[] AT_LEAST = {3, 4, 5};

    private SpikeDayEvidence() {
    }

    static void print(BacktestReport report, DevCounts dev, int defaultWatches, PrintStream out) {
        List<WatchScore> watches = report.watches();
        out.println("spike days holding at least 3 / 4 / 5 matched headlines:");
        for (boolean all : new boolean[] {false, true}) {
            List<WatchScore> judged = all ? watches : watches.subList(0, defaultWatches);
            out.printf("  %-13s in the 2 h from the surge start: %s; in the 2 h before it and the 2 after: %s%n",
                    all ? "all watches" : "default ones", shares(judged, dev, 0, 2), shares(judged, dev, -2, 2));
        }
        out.println("\noverdispersion of the daily counts on judged days without a spike: k of var = mu + k mu^2, by moments"
                + " against the mean of the " + SpikeRule.TRAILING_DAYS + " days before (earlier surges in that mean inflate it)");
        for (WatchScore ws : watches) {
            out.printf("  %-16s mean %6.2f a day  k %s%n", ws.id(), ws.matchedPerDay(), dispersion(ws, dev));
        }
    }

    /** Shares of spike days with at least 3, 4, 5 headlines between {@code fromHours} and {@code toHours} of the surge start. */
    private static String shares(List<WatchScore> watches, DevCounts dev, int fromHours, int toHours) {
        int[] hits = new int[AT_LEAST.length];
        int days = 0;
        long t0 = dev.firstDay().atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        for (WatchScore ws : watches) {
            int[] hourly = dev.hourly().get(ws.id());
            for (SpikeDayRow d : ws.spikeDayList()) {
                Instant from = d.surgeStart().plus(Duration.ofHours(fromHours));
                int first = (int) ((from.getEpochSecond() - t0) / 3600);
                int count = 0;
                for (int h = Math.max(0, first); h < first + toHours - fromHours && h < hourly.length; h++) {
                    count += hourly[h];
                }
                days++;
                for (int i = 0; i < AT_LEAST.length; i++) {
                    hits[i] += count >= AT_LEAST[i] ? 1 : 0;
                }
            }
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < AT_LEAST.length; i++) {
            s.append(i == 0 ? "" : " / ").append(Math.round(100.0 * hits[i] / days)).append('%');
        }
        return s.append(" of ").append(days).toString();
    }

    private static String dispersion(WatchScore ws, DevCounts dev) {
        List<DayRow> days = ws.dayList();
        int[] hourly = dev.hourly().get(ws.id());
        double sum = 0;
        int n = 0;
        for (int d = SpikeRule.TRAILING_DAYS; d < days.size(); d++) {
            if (days.get(d).spike()) {
                continue;
            }
            double mean = 0;
            for (int h = (d - SpikeRule.TRAILING_DAYS) * 24; h < d * 24; h++) {
                mean += hourly[h];
            }
            mean /= SpikeRule.TRAILING_DAYS;
            // Below a fifth of an article a day, a single article is a huge relative swing: no information on k.
            if (mean > 0.2) {
                double c = days.get(d).matched();
                sum += ((c - mean) * (c - mean) - mean) / (mean * mean);
                n++;
            }
        }
        return n == 0 ? "-" : String.format("%.2f (%d days)", sum / n, n);
    }
}
