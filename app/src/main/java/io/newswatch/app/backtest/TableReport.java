package io.newswatch.app.backtest;

import io.newswatch.app.backtest.BacktestComparison.MetricChange;
import io.newswatch.app.backtest.BacktestComparison.WatchChange;
import io.newswatch.app.backtest.BacktestReport.EventOutcome;
import io.newswatch.app.backtest.BacktestReport.EventScore;
import io.newswatch.app.backtest.BacktestReport.GoalCheck;
import io.newswatch.app.backtest.BacktestReport.Recall;
import io.newswatch.app.backtest.BacktestReport.SpikeDayRow;
import io.newswatch.app.backtest.BacktestReport.WatchScore;
import io.newswatch.app.backtest.BacktestReport.WeekRow;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The report as text tables for a terminal: {@code newswatch backtest report}'s default output. */
public final class TableReport {

    /** Alerts listed per side in a comparison; the JSON has them all. */
    static final int LISTED_ALERTS = 20;

    private TableReport() {
    }

    /** One backtest; {@code details} adds every spike day of every watch. */
    public static void print(BacktestReport r, boolean details, PrintWriter out) {
        header(r, out);
        alerts(r, out);
        goals(r, out);
        if (r.eventsFile() != null) {
            events(r, out);
        }
        weeks(r, out);
        if (details) {
            spikeDays(r, out);
        }
        notes(r.notes(), out);
    }

    /** Two backtests side by side; {@code details} adds each one's own tables first. */
    public static void print(BacktestComparison c, boolean details, PrintWriter out) {
        if (details) {
            print(c.baseline(), true, out);
            out.println();
            print(c.report(), true, out);
            out.println();
        }
        BacktestReport r = c.report();
        BacktestReport b = c.baseline();
        out.printf("backtest %s compared with %s (change = %s - %s)%n", r.prefix(), b.prefix(), r.prefix(), b.prefix());
        out.printf("  %s: %s .. %s, %s enriched articles; %s: %s .. %s, %s enriched articles%n", b.prefix(), b.firstDay(), b.lastDay(),
                Figures.count(b.articles()), r.prefix(), r.firstDay(), r.lastDay(), Figures.count(r.articles()));
        for (WatchChange w : c.changes()) {
            out.println();
            TextTable t = new TextTable("  ", "watch " + w.id(), b.prefix(), r.prefix(), "change");
            for (MetricChange m : w.metrics()) {
                if (m.report() == null && m.baseline() == null) {
                    continue;
                }
                t.row(m.metric(), Figures.metric(m.metric(), m.baseline()), Figures.metric(m.metric(), m.report()),
                        Figures.delta(m.metric(), m.delta()));
            }
            t.row("verdict", label(w.baselineVerdict()), label(w.reportVerdict()), "");
            t.print(out);
        }
        onlyIn(r.prefix(), b.prefix(), c.onlyInReport(), out);
        onlyIn(b.prefix(), r.prefix(), c.onlyInBaseline(), out);
        List<String> notes = new ArrayList<>();
        r.notes().forEach(n -> notes.add(r.prefix() + ": " + n));
        b.notes().forEach(n -> notes.add(b.prefix() + ": " + n));
        notes(notes, out);
    }

    private static void header(BacktestReport r, PrintWriter out) {
        SpikeRule rule = r.rule();
        int watches = r.watches().size();
        out.printf("backtest %s: %s .. %s UTC (%d days, %s enriched articles, %d %s)%n", r.prefix(), r.firstDay(), r.lastDay(), r.days(),
                Figures.count(r.articles()), watches, watches == 1 ? "watch" : "watches");
        out.printf("spike day: >= %s x the median of the trailing %d days and >= %d matched (the first %d days are not judged);%n",
                trim(rule.spikeFactor()), rule.trailingDays(), rule.spikeMinArticles(), rule.trailingDays());
        out.printf("surge start: its first hour with >= %s x the trailing mean hourly count and >= %d. Definitions: docs/ALERTS.md%n",
                trim(rule.surgeFactor()), rule.surgeMinArticles());
    }

    private static void alerts(BacktestReport r, PrintWriter out) {
        out.println();
        out.println("matched articles and alerts");
        TextTable t = new TextTable("  ", "watch", "matched", "per day", "max/day", "OPENED", "UPDATED", "RESOLVED", "OPENED/day",
                "max/week", "open");
        for (WatchScore w : r.watches()) {
            t.row(w.id(), Figures.count(w.matched()), Figures.decimal(w.matchedPerDay()), w.maxMatchedPerDay(), w.opened(), w.updated(),
                    w.resolved(), Figures.decimal(w.openedPerDay()), w.maxOpenedPerWeek(), Figures.percent(w.openShare()));
        }
        t.print(out);
    }

    private static void goals(BacktestReport r, PrintWriter out) {
        Goals g = r.goals();
        out.println();
        out.printf("goals: spike days caught with the first OPENED within %s of the surge start, OPENED off spike days, per spike, "
                + "per day%n", Figures.minutes(g.maxLeadMinutes()));
        TextTable t = new TextTable("  ", "watch", "spike days", "spikes", "caught", "in time", "median lead", "off spike", "OPENED/spike",
                "OPENED/day", "verdict").left(9);
        for (WatchScore w : r.watches()) {
            t.row(w.id(), w.spikeDays(), w.spikes(), w.spikeDays() == 0 ? Figures.NONE : w.caught() + "/" + w.spikeDays(),
                    Figures.percent(w.caughtInTimeShare()), Figures.minutes(w.medianLeadMinutes()),
                    Figures.percent(w.offSpikeShare())
                            + (w.judgedOpened() == 0 ? "" : " (" + w.openedOffSpike() + "/" + w.judgedOpened() + ")"),
                    Figures.decimal(w.openedPerSpike()), Figures.decimal(w.openedPerDay()), verdict(w));
        }
        t.row("goal", "", "", "", Figures.limit("caught-in-time", ">=", g.minCaughtInTime()), "",
                Figures.limit("opened-off-spike", "<=", g.maxOffSpikeShare()),
                Figures.limit("opened-per-spike", "<=", g.maxOpenedPerSpike()),
                Figures.limit("opened-per-day", "<=", g.maxOpenedPerDay()), "");
        t.print(out);
        long passed = r.watches().stream().filter(w -> w.verdict() == Verdict.PASS).count();
        out.printf("  %d of %d watches meet every goal%n", passed, r.watches().size());
    }

    /** PASS, or FAIL with the goals that failed. */
    static String verdict(WatchScore w) {
        List<String> failed = w.goals().stream().filter(c -> c.verdict() == Verdict.FAIL).map(GoalCheck::goal).toList();
        return failed.isEmpty() ? w.verdict().label() : w.verdict().label() + " (" + String.join(", ", failed) + ")";
    }

    private static void events(BacktestReport r, PrintWriter out) {
        out.println();
        out.printf("labelled events (%s): recalled = an alert open between %s before the start and the end%n", r.eventsFile(),
                Figures.minutes(r.eventSlackMinutes()));
        TextTable t = new TextTable("  ", "watch", "events", "recalled", "recall", "false alarms", "OPENED/event", "median lead");
        for (WatchScore w : r.watches()) {
            Recall rc = w.recall();
            t.row(w.id(), rc.events(), rc.recalled(), Figures.percent(rc.recall()), rc.falseAlarms(), Figures.decimal(rc.alertsPerEvent()),
                    Figures.minutes(rc.medianLeadMinutes()));
        }
        t.print(out);
        out.println();
        TextTable e = new TextTable("  ", "event", "start (UTC)", "watch", "caught", "OPENED", "first OPENED", "lead").left(2, 3);
        for (EventScore ev : r.events()) {
            for (EventOutcome o : ev.watches()) {
                String caught = !ev.inBacktest() ? "outside" : !o.known() ? "no watch" : o.caught() ? "yes" : "MISSED";
                e.row(shorten(ev.title(), 48), Figures.time(ev.start()), o.watch(), caught, o.opened(), Figures.time(o.firstOpened()),
                        Figures.minutes(o.leadMinutes()));
            }
        }
        e.print(out);
    }

    /** OPENED per week, one row per week and one column per watch. */
    private static void weeks(BacktestReport r, PrintWriter out) {
        if (r.watches().isEmpty()) {
            return;
        }
        Map<LocalDate, int[]> grid = new TreeMap<>();
        int n = r.watches().size();
        for (int i = 0; i < n; i++) {
            for (WeekRow week : r.watches().get(i).weekList()) {
                grid.computeIfAbsent(week.weekStart(), k -> new int[n])[i] = week.opened();
            }
        }
        out.println();
        out.println("OPENED per week (weeks from Monday, UTC)");
        String[] header = new String[n + 1];
        header[0] = "week of";
        for (int i = 0; i < n; i++) {
            header[i + 1] = r.watches().get(i).id();
        }
        TextTable t = new TextTable("  ", header);
        grid.forEach((week, counts) -> {
            Object[] row = new Object[n + 1];
            row[0] = week;
            for (int i = 0; i < n; i++) {
                row[i + 1] = counts[i];
            }
            t.row(row);
        });
        t.print(out);
    }

    private static void spikeDays(BacktestReport r, PrintWriter out) {
        for (WatchScore w : r.watches()) {
            out.println();
            out.printf("spike days of %s (%s)%n", w.id(), w.what());
            if (w.spikeDayList().isEmpty()) {
                out.println("  none");
                continue;
            }
            TextTable t = new TextTable("  ", "day", "spike", "matched", "median", "surge start", "caught", "first OPENED", "lead",
                    "in time").left(5, 8);
            for (SpikeDayRow d : w.spikeDayList()) {
                t.row(d.date(), "#" + d.spike(), d.matched(), trim(d.median()), Figures.time(d.surgeStart()).substring(11),
                        d.caught() ? "yes" : "no", Figures.time(d.firstOpened()), Figures.minutes(d.leadMinutes()),
                        d.inTime() ? "yes" : "no");
            }
            t.print(out);
        }
    }

    private static void onlyIn(String where, String notIn, List<AlertSpan> alerts, PrintWriter out) {
        out.println();
        out.printf("alerts only in %s (no overlapping alert of the watch in %s): %d%n", where, notIn, alerts.size());
        alerts.stream().limit(LISTED_ALERTS).forEach(a -> out.printf("  %s .. %-16s  %-16s %s%n", Figures.time(a.opened()),
                a.resolved() == null ? "still open" : Figures.time(a.resolved()), a.watchId(),
                a.summary() == null ? "" : shorten(a.summary(), 80)));
        if (alerts.size() > LISTED_ALERTS) {
            out.printf("  ... and %d more (--format json lists them all)%n", alerts.size() - LISTED_ALERTS);
        }
    }

    private static void notes(List<String> notes, PrintWriter out) {
        if (!notes.isEmpty()) {
            out.println();
            notes.forEach(n -> out.println("note: " + n));
        }
    }

    private static String label(Verdict v) {
        return v == null ? Figures.NONE : v.label();
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static String shorten(String text, int max) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 3) + "...";
    }
}
