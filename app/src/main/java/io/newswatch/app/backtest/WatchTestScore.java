package io.newswatch.app.backtest;

import io.newswatch.app.backtest.BacktestReport.DayRow;
import io.newswatch.app.backtest.BacktestReport.WatchScore;
import io.newswatch.app.backtest.WatchTestReport.OpenedAlert;
import io.newswatch.app.backtest.WatchTestReport.WatchTest;
import io.newswatch.app.backtest.WatchTestReport.WeekTally;
import io.newswatch.core.Alert;
import io.newswatch.core.AlertArticle;
import io.newswatch.core.AlertStatus;
import io.newswatch.core.Watch;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Tallies what watches would have raised over a stored history, week by week, and checks it against a budget of OPENED
 * per week: the false-alarm budget {@code newswatch watch test} shows before a watch is saved. Pure: the history's counts and
 * alerts in, {@link WatchTestReport} out. Matched and OPENED per day, and the spike days caught, are those of
 * {@link BacktestScore}, so a watch test and a backtest report of the same history agree.
 */
public final class WatchTestScore {

    /**
     * The default budget: issue 9's goal of at most 3 OPENED a day per watch on average ({@link Goals#maxOpenedPerDay()}), as a
     * week. The same limit {@code backtest report} judges every watch by, so a watch within budget here meets that goal in a
     * backtest of the same history. (A constant, not computed, because a picocli default must be one.)
     */
    public static final int DEFAULT_BUDGET_PER_WEEK = 21;

    private WatchTestScore() {
    }

    /**
     * @param data          the history's days and matched counts, with the alerts the detector raised over it
     * @param watches       the watches tried, validated (defaults filled in)
     * @param budgetPerWeek OPENED a week a watch may raise on average
     * @param warmUp        how long from the start of the history the detector has no baseline yet
     * @param notes         what the reading noticed, besides the notes of {@code data}
     */
    public static WatchTestReport score(BacktestData data, List<Watch> watches, double budgetPerWeek, Duration warmUp,
                                        List<String> notes) {
        if (!(budgetPerWeek >= 0)) {
            throw new IllegalArgumentException("the budget must be 0 or more OPENED a week, got " + budgetPerWeek);
        }
        BacktestReport judged = BacktestScore.score(data, SpikeRule.DEFAULT, Goals.DEFAULT, null, null);
        Map<String, Watch> byId = watches.stream().collect(Collectors.toMap(Watch::id, Function.identity()));
        Map<String, List<Alert>> alertsByWatch = data.alerts().stream().collect(Collectors.groupingBy(Alert::watchId));
        double weeks = data.days() / 7.0;
        Instant warmUpEnd = data.firstDay().atStartOfDay(ZoneOffset.UTC).toInstant().plus(warmUp);
        List<WatchTest> tests = new ArrayList<>();
        for (WatchScore s : judged.watches()) {
            tests.add(watch(s, byId.get(s.id()), alertsByWatch.getOrDefault(s.id(), List.of()), weeks, budgetPerWeek, warmUpEnd));
        }
        List<String> allNotes = new ArrayList<>(judged.notes());
        allNotes.addAll(notes);
        if (data.days() < 7) {
            allNotes.add("the history covers " + data.days() + (data.days() == 1 ? " day" : " days")
                    + ": the weekly figures are extrapolated from less than a week");
        }
        return new WatchTestReport(WatchTestReport.FORMAT_VERSION, data.prefix(), data.firstDay(), data.lastDay(), data.days(), weeks,
                data.articles(), budgetPerWeek, warmUp.toMinutes(), tests, allNotes);
    }

    private static WatchTest watch(WatchScore s, Watch w, List<Alert> alerts, double weeks, double budget, Instant warmUpEnd) {
        List<WeekTally> weekList = weeks(s.dayList());
        int over = (int) weekList.stream().filter(t -> t.opened() > budget * t.days() / 7.0 + 1e-9).count();
        double openedPerWeek = s.opened() / weeks;
        boolean within = openedPerWeek <= budget + 1e-9;
        int maxMatched = s.dayList().stream().mapToInt(DayRow::matched).max().orElse(0);
        boolean openAtEnd = s.alerts().stream().anyMatch(a -> a.resolved() == null);
        List<OpenedAlert> opened = alerts.stream().filter(a -> a.status() == AlertStatus.OPENED)
                .sorted(Comparator.comparing(Alert::eventTime).thenComparing(Alert::alertId)).map(WatchTestScore::opened).toList();
        int inWarmUp = (int) opened.stream().filter(a -> a.time().isBefore(warmUpEnd)).count();
        return new WatchTest(s.id(), s.description(), s.what(), w.enabled(), w.sensitivity(),
                w.bucket().toMinutes(), w.baseline().toMinutes(), w.minArticles(), w.minSources(), w.cooldown().toMinutes(),
                s.matched(), s.matched() / weeks, maxMatched, s.opened(), s.updated(), s.resolved(), inWarmUp, openedPerWeek,
                s.openedPerDay(),
                s.maxOpenedPerWeek(), over, openAtEnd, s.spikeDays(), s.caught(), s.caughtInTime(), within,
                verdict(within, openedPerWeek, budget, over, weekList.size(), s), weekList, opened);
    }

    /** The days of the history grouped into weeks from Monday (UTC), as {@code backtest report} groups them. */
    static List<WeekTally> weeks(List<DayRow> days) {
        Map<LocalDate, int[]> byWeek = new TreeMap<>();
        for (DayRow d : days) {
            int[] t = byWeek.computeIfAbsent(d.date().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), k -> new int[3]);
            t[0]++;
            t[1] += d.matched();
            t[2] += d.opened();
        }
        List<WeekTally> out = new ArrayList<>(byWeek.size());
        byWeek.forEach((monday, t) -> out.add(new WeekTally(monday, t[0], t[1], t[2])));
        return out;
    }

    private static String verdict(boolean within, double openedPerWeek, double budget, int over, int weeks, WatchScore s) {
        StringBuilder line = new StringBuilder(within ? "WITHIN BUDGET: " : "OVER BUDGET: ");
        line.append(Figures.decimal(openedPerWeek)).append(" OPENED a week on average, budget ").append(number(budget));
        if (s.opened() > 0) {
            line.append("; busiest week ").append(s.maxOpenedPerWeek());
            line.append(over == 0 ? "; no week over budget"
                    : "; " + over + " of " + weeks + (weeks == 1 ? " week" : " weeks") + " over it");
        }
        if (!within) {
            line.append(" (a higher --sensitivity, --min-articles or --min-sources raises fewer)");
        } else if (s.opened() == 0 && s.spikeDays() > 0) {
            line.append(" (though it caught none of its ").append(s.spikeDays()).append(s.spikeDays() == 1 ? " spike day" : " spike days")
                    .append(": try a lower --sensitivity)");
        }
        return line.toString();
    }

    private static OpenedAlert opened(Alert a) {
        AlertArticle first = a.topArticles().isEmpty() ? null : a.topArticles().getFirst();
        return new OpenedAlert(a.alertId(), a.eventTime(), a.bucketStart(), Duration.between(a.bucketStart(), a.bucketEnd()).toMinutes(),
                a.observed(), a.counted(), a.expected(), a.score(), a.distinctSources(), first == null ? null : first.title(),
                first == null ? null : first.source(), a.summary());
    }

    /** 21 rather than 21.0; 3.5 as it is. */
    static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%s", value);
    }
}
