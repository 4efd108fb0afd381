package io.newswatch.app.backtest;

import io.newswatch.app.backtest.BacktestReport.DayRow;
import io.newswatch.app.backtest.BacktestReport.GoalCheck;
import io.newswatch.app.backtest.BacktestReport.SpikeDayRow;
import io.newswatch.app.backtest.BacktestReport.WatchScore;
import io.newswatch.app.backtest.BacktestReport.WeekRow;
import io.newswatch.core.Alert;
import io.newswatch.core.AlertStatus;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Judges a backtest: for each watch, its spike days ({@link SpikeDays}) against its alerts, the goal metrics of issue 9,
 * and, with labelled events, recall and false alarms ({@link EventRecall}). Pure: data in, {@link BacktestReport} out.
 *
 * <p>Definitions (docs/ALERTS.md, "Judging a watch by backtest"): a spike day is <em>caught</em> when an alert of the
 * watch is open at some time during it; its <em>lead time</em> is the OPENED time of the first alert open at or after
 * the surge start that day, minus the surge start (negative when the alert was already open); it is caught <em>in
 * time</em> when the lead time is at most {@link Goals#maxLeadMinutes()}. An OPENED is <em>on a spike</em> when it
 * falls on a spike day or on the day right after a run of spike days (a story's tail: an alert that reopens then is a
 * second alert for the same spike, and counts against OPENED per spike, not as a false alarm); any other OPENED on a
 * judged day is <em>off spike</em>. OPENED on the first, unjudged days count only in the totals and per-day averages.
 */
public final class BacktestScore {

    private static final long MINUTE = 60;

    private BacktestScore() {
    }

    /**
     * @param events     labelled events, or null when no events file was given
     * @param eventsName the events file's name for the report, or null
     */
    public static BacktestReport score(BacktestData data, SpikeRule rule, Goals goals, List<LabelledEvent> events, String eventsName) {
        Map<String, List<Alert>> alertsByWatch = data.alerts().stream().collect(Collectors.groupingBy(Alert::watchId, TreeMap::new,
                Collectors.toList()));
        EventRecall recall = events == null ? null : new EventRecall(data, events);
        List<WatchScore> watches = new ArrayList<>();
        for (WatchCounts counts : data.watches()) {
            List<Alert> alerts = alertsByWatch.getOrDefault(counts.id(), List.of());
            watches.add(watch(data, counts, alerts, rule, goals, recall));
        }
        List<String> notes = new ArrayList<>(data.notes());
        if (recall != null) {
            notes.addAll(recall.notes());
        }
        return new BacktestReport(BacktestReport.FORMAT_VERSION, data.prefix(), data.firstDay(), data.lastDay(), data.days(),
                data.articles(), rule, goals, EventRecall.SLACK.toMinutes(), eventsName, watches,
                recall == null ? List.of() : recall.events(), notes);
    }

    private static WatchScore watch(BacktestData data, WatchCounts counts, List<Alert> alerts, SpikeRule rule, Goals goals,
                                    EventRecall recall) {
        Instant spanStart = data.firstDay().atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant spanEnd = spanStart.plus(Duration.ofDays(data.days()));
        List<AlertSpan> spans = AlertSpan.of(alerts);
        List<SpikeDays.Day> days = SpikeDays.judge(counts, data.firstDay(), rule);
        int n = days.size();

        int[] openedOn = new int[n];
        for (AlertSpan s : spans) {
            int d = dayIndex(spanStart, s.opened());
            if (d >= 0 && d < n) {
                openedOn[d]++;
            }
        }
        // Which run of spike days each day belongs to: its spike days and the day right after them. 0 = none.
        int[] runOf = new int[n];
        int runs = 0;
        for (int d = 0; d < n; d++) {
            if (days.get(d).spike()) {
                runs += d > 0 && days.get(d - 1).spike() ? 0 : 1;
                runOf[d] = runs;
                if (d + 1 < n && !days.get(d + 1).spike()) {
                    runOf[d + 1] = runs;
                }
            }
        }
        int judgedDays = 0;
        int judgedOpened = 0;
        int offSpike = 0;
        int[] openedPerRun = new int[runs + 1];
        List<DayRow> dayRows = new ArrayList<>(n);
        for (SpikeDays.Day day : days) {
            int d = day.index();
            dayRows.add(new DayRow(day.date(), day.matched(), day.judged() ? day.median() : null, day.spike(), openedOn[d]));
            if (!day.judged()) {
                continue;
            }
            judgedDays++;
            judgedOpened += openedOn[d];
            if (runOf[d] == 0) {
                offSpike += openedOn[d];
            } else {
                openedPerRun[runOf[d]] += openedOn[d];
            }
        }

        List<SpikeDayRow> spikeRows = new ArrayList<>();
        List<Long> leads = new ArrayList<>();
        int caught = 0;
        int inTime = 0;
        for (SpikeDays.Day day : days) {
            if (!day.spike()) {
                continue;
            }
            boolean isCaught = spans.stream().anyMatch(s -> s.openDuring(day.start(), day.end()));
            AlertSpan first = spans.stream().filter(s -> s.openDuring(day.surgeStart(), day.end())).findFirst().orElse(null);
            Long lead = first == null ? null : minutes(day.surgeStart(), first.opened());
            boolean onTime = lead != null && lead <= goals.maxLeadMinutes();
            caught += isCaught ? 1 : 0;
            inTime += onTime ? 1 : 0;
            if (lead != null) {
                leads.add(lead);
            }
            spikeRows.add(new SpikeDayRow(day.date(), runOf[day.index()], day.matched(), day.median(), day.surgeStart(), isCaught,
                    first == null ? null : first.opened(), lead, onTime));
        }

        int spikeDays = spikeRows.size();
        int openedOnSpikes = 0;
        int maxPerSpike = 0;
        for (int r = 1; r <= runs; r++) {
            openedOnSpikes += openedPerRun[r];
            maxPerSpike = Math.max(maxPerSpike, openedPerRun[r]);
        }
        List<WeekRow> weeks = weeks(data.firstDay(), openedOn);
        int opened = count(alerts, AlertStatus.OPENED);
        double openedPerDay = (double) opened / n;
        Double caughtInTimeShare = share(inTime, spikeDays);
        Double offSpikeShare = share(offSpike, judgedOpened);
        Double openedPerSpike = share(openedOnSpikes, runs);
        List<GoalCheck> checks = List.of(
                atLeast("caught-in-time", caughtInTimeShare, goals.minCaughtInTime()),
                atMost("opened-off-spike", offSpikeShare, goals.maxOffSpikeShare()),
                atMost("opened-per-spike", openedPerSpike, goals.maxOpenedPerSpike()),
                atMost("opened-per-day", openedPerDay, goals.maxOpenedPerDay()));
        Verdict verdict = checks.stream().anyMatch(c -> c.verdict() == Verdict.FAIL) ? Verdict.FAIL : Verdict.PASS;
        int maxMatched = dayRows.stream().mapToInt(DayRow::matched).max().orElse(0);
        return new WatchScore(counts.id(), counts.description(), counts.what(), counts.total(), (double) counts.total() / n, maxMatched,
                opened, count(alerts, AlertStatus.UPDATED), count(alerts, AlertStatus.RESOLVED), openedPerDay,
                weeks.stream().mapToInt(WeekRow::opened).max().orElse(0), openShare(spans, spanStart, spanEnd),
                judgedDays, spikeDays, runs, caught, inTime, share(caught, spikeDays), caughtInTimeShare, median(leads),
                judgedOpened, offSpike, offSpikeShare, openedOnSpikes, openedPerSpike, maxPerSpike, checks, verdict,
                recall == null ? null : recall.of(counts.id(), spans), dayRows, weeks, spikeRows, spans);
    }

    private static List<WeekRow> weeks(LocalDate firstDay, int[] openedOn) {
        Map<LocalDate, Integer> byWeek = new TreeMap<>();
        for (int d = 0; d < openedOn.length; d++) {
            LocalDate monday = firstDay.plusDays(d).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            byWeek.merge(monday, openedOn[d], Integer::sum);
        }
        List<WeekRow> out = new ArrayList<>();
        byWeek.forEach((week, opened) -> out.add(new WeekRow(week, opened)));
        return out;
    }

    /** Share of {@code [spanStart, spanEnd)} during which some alert was open (overlapping alerts counted once). */
    static double openShare(List<AlertSpan> spans, Instant spanStart, Instant spanEnd) {
        long open = 0;
        Instant coveredUntil = spanStart;
        for (AlertSpan s : spans) {
            Instant from = max(s.opened(), coveredUntil);
            Instant to = s.resolved() == null || s.resolved().isAfter(spanEnd) ? spanEnd : s.resolved();
            if (to.isAfter(from)) {
                open += Duration.between(from, to).toSeconds();
                coveredUntil = to;
            }
        }
        return (double) open / Duration.between(spanStart, spanEnd).toSeconds();
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    static int dayIndex(Instant spanStart, Instant t) {
        return (int) Math.floorDiv(Duration.between(spanStart, t).toSeconds(), 86_400L);
    }

    /** Whole minutes from {@code from} to {@code to}, rounded to the nearest; negative when {@code to} is earlier. */
    static long minutes(Instant from, Instant to) {
        return Math.round(Duration.between(from, to).toSeconds() / (double) MINUTE);
    }

    private static int count(List<Alert> alerts, AlertStatus status) {
        return (int) alerts.stream().filter(a -> a.status() == status).count();
    }

    static Double share(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    static Double median(List<Long> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2).doubleValue() : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    private static GoalCheck atLeast(String goal, Double value, double limit) {
        return new GoalCheck(goal, value, ">=", limit, value == null ? Verdict.NA : value >= limit ? Verdict.PASS : Verdict.FAIL);
    }

    private static GoalCheck atMost(String goal, Double value, double limit) {
        return new GoalCheck(goal, value, "<=", limit, value == null ? Verdict.NA : value <= limit ? Verdict.PASS : Verdict.FAIL);
    }
}
