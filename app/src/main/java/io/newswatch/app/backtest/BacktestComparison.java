package io.newswatch.app.backtest;

import io.newswatch.app.backtest.BacktestReport.Recall;
import io.newswatch.app.backtest.BacktestReport.WatchScore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Two backtests side by side ({@code backtest report PREFIX --compare BASELINE}): each watch's metrics in both with the
 * change ({@code delta = report - baseline}), and the alerts only one of them raised. An alert is <em>only in</em> one
 * backtest when no alert of the same watch in the other was open at any moment while it was open: alert ids differ as
 * soon as a detector change moves an opening bucket, overlapping time does not. Field names are those of the JSON output.
 *
 * @param report         the backtest under {@code PREFIX}
 * @param baseline       the backtest it is compared with ({@code --compare})
 * @param changes        per watch id of either, the metrics of both
 * @param onlyInReport   alerts of {@code report} that overlap no alert of the same watch in {@code baseline}
 * @param onlyInBaseline the other way round
 */
public record BacktestComparison(int formatVersion, BacktestReport report, BacktestReport baseline, List<WatchChange> changes,
                                 List<AlertSpan> onlyInReport, List<AlertSpan> onlyInBaseline) {

    /** The metrics compared, in the order they are shown: name and how to read it from a watch's score. */
    static final Map<String, Function<WatchScore, Double>> METRICS = metrics();

    /**
     * One watch in both.
     *
     * @param inReport   the report's backtest has the watch (likewise {@code inBaseline})
     * @param metrics    the compared metrics, in the order of {@link #METRICS}
     */
    public record WatchChange(String id, boolean inReport, boolean inBaseline, Verdict reportVerdict, Verdict baselineVerdict,
                              List<MetricChange> metrics) {
    }

    /** One metric of one watch; a value is null when one backtest lacks the watch or the metric has nothing to go on. */
    public record MetricChange(String metric, Double report, Double baseline, Double delta) {
    }

    public static BacktestComparison of(BacktestReport report, BacktestReport baseline) {
        Map<String, WatchScore> mine = byId(report);
        Map<String, WatchScore> theirs = byId(baseline);
        TreeSet<String> ids = new TreeSet<>(mine.keySet());
        ids.addAll(theirs.keySet());
        List<WatchChange> changes = new ArrayList<>();
        List<AlertSpan> onlyInReport = new ArrayList<>();
        List<AlertSpan> onlyInBaseline = new ArrayList<>();
        for (String id : ids) {
            WatchScore a = mine.get(id);
            WatchScore b = theirs.get(id);
            List<MetricChange> metrics = new ArrayList<>();
            METRICS.forEach((name, read) -> {
                Double x = a == null ? null : read.apply(a);
                Double y = b == null ? null : read.apply(b);
                metrics.add(new MetricChange(name, x, y, x == null || y == null ? null : x - y));
            });
            changes.add(new WatchChange(id, a != null, b != null, a == null ? null : a.verdict(), b == null ? null : b.verdict(), metrics));
            List<AlertSpan> ours = a == null ? List.of() : a.alerts();
            List<AlertSpan> other = b == null ? List.of() : b.alerts();
            onlyInReport.addAll(unmatched(ours, other));
            onlyInBaseline.addAll(unmatched(other, ours));
        }
        Comparator<AlertSpan> order = Comparator.comparing(AlertSpan::opened).thenComparing(AlertSpan::alertId);
        onlyInReport.sort(order);
        onlyInBaseline.sort(order);
        return new BacktestComparison(BacktestReport.FORMAT_VERSION, report, baseline, changes, onlyInReport, onlyInBaseline);
    }

    private static List<AlertSpan> unmatched(List<AlertSpan> these, List<AlertSpan> others) {
        return these.stream().filter(s -> others.stream().noneMatch(o -> overlap(s, o))).toList();
    }

    private static boolean overlap(AlertSpan a, AlertSpan b) {
        boolean aBeforeBEnds = b.resolved() == null || a.opened().isBefore(b.resolved());
        boolean bBeforeAEnds = a.resolved() == null || b.opened().isBefore(a.resolved());
        return aBeforeBEnds && bBeforeAEnds;
    }

    private static Map<String, WatchScore> byId(BacktestReport r) {
        Map<String, WatchScore> out = new LinkedHashMap<>();
        r.watches().forEach(w -> out.put(w.id(), w));
        return out;
    }

    private static Map<String, Function<WatchScore, Double>> metrics() {
        Map<String, Function<WatchScore, Double>> m = new LinkedHashMap<>();
        m.put("matched", w -> (double) w.matched());
        m.put("opened", w -> (double) w.opened());
        m.put("updated", w -> (double) w.updated());
        m.put("resolved", w -> (double) w.resolved());
        m.put("openedPerDay", WatchScore::openedPerDay);
        m.put("maxOpenedPerWeek", w -> (double) w.maxOpenedPerWeek());
        m.put("openShare", WatchScore::openShare);
        m.put("spikeDays", w -> (double) w.spikeDays());
        m.put("caughtShare", WatchScore::caughtShare);
        m.put("caughtInTimeShare", WatchScore::caughtInTimeShare);
        m.put("medianLeadMinutes", WatchScore::medianLeadMinutes);
        m.put("offSpikeShare", WatchScore::offSpikeShare);
        m.put("openedPerSpike", WatchScore::openedPerSpike);
        m.put("recall", w -> recall(w, Recall::recall));
        m.put("falseAlarms", w -> recall(w, r -> (double) r.falseAlarms()));
        m.put("alertsPerEvent", w -> recall(w, Recall::alertsPerEvent));
        m.put("eventLeadMinutes", w -> recall(w, Recall::medianLeadMinutes));
        return Collections.unmodifiableMap(m);
    }

    private static Double recall(WatchScore w, Function<Recall, Double> read) {
        return w.recall() == null ? null : read.apply(w.recall());
    }
}
