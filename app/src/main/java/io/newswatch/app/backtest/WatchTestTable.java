package io.newswatch.app.backtest;

import io.newswatch.app.backtest.WatchTestReport.OpenedAlert;
import io.newswatch.app.backtest.WatchTestReport.WatchTest;
import io.newswatch.app.backtest.WatchTestReport.WeekTally;
import java.io.PrintWriter;
import java.util.List;

/** A watch test as text for a terminal: {@code newswatch watch test}'s default output. */
public final class WatchTestTable {

    private WatchTestTable() {
    }

    public static void print(WatchTestReport r, PrintWriter out) {
        out.printf("watch test over %s: %s .. %s UTC (%d days, %s weeks), %s articles%n", r.topic(), r.firstDay(), r.lastDay(), r.days(),
                Figures.decimal(r.weeks()), Figures.count(r.articles()));
        out.printf("budget: %s OPENED a week per watch (--budget; the default is issue 9's goal of at most 3 a day)%n",
                WatchTestScore.number(r.budgetPerWeek()));
        for (WatchTest w : r.watches()) {
            out.println();
            watch(r, w, out);
        }
        if (!r.notes().isEmpty()) {
            out.println();
            r.notes().forEach(n -> out.println("note: " + n));
        }
    }

    private static void watch(WatchTestReport r, WatchTest w, PrintWriter out) {
        boolean described = w.description() != null && !w.description().equals(w.what());
        out.printf("%s: %s%s%s%n", w.id(), w.what(), described ? "  (" + w.description() + ")" : "", w.enabled() ? "" : " [disabled]");
        out.printf("  sensitivity %s, bucket %s, baseline %s, at least %d articles from %d sources, cooldown %s%n",
                WatchTestScore.number(w.sensitivity()), Figures.minutes(w.bucketMinutes()), Figures.minutes(w.baselineMinutes()),
                w.minArticles(), w.minSources(), Figures.minutes(w.cooldownMinutes()));
        out.printf("  matched %s articles: %s a week, %d on the busiest day%n", Figures.count(w.matched()),
                Figures.decimal(w.matchedPerWeek()), w.maxMatchedPerDay());
        out.printf("  would have raised %d OPENED, %d UPDATED, %d RESOLVED%s: %s OPENED a week, %s a day%n", w.opened(), w.updated(),
                w.resolved(), w.openAtEnd() ? " (one still open at the end)" : "", Figures.decimal(w.openedPerWeek()),
                Figures.decimal(w.openedPerDay()));
        if (w.openedInWarmUp() > 0) {
            out.printf("  of them %d in the first %s, before the detector had learnt a baseline (a watch added live starts so too)%n",
                    w.openedInWarmUp(), Figures.minutes(r.warmUpMinutes()));
        }
        out.printf("  spike days (>= 3 x the median of the 14 days before, >= 10 matched): %d, caught %d, in time (<= 2h) %d%n",
                w.spikeDays(), w.caught(), w.caughtInTime());

        out.println();
        TextTable weeks = new TextTable("  ", "week of", "days", "matched", "OPENED");
        for (WeekTally t : w.weekList()) {
            weeks.row(t.weekStart(), t.days(), Figures.count(t.matched()), t.opened());
        }
        weeks.print(out);

        List<OpenedAlert> opened = w.openedList();
        if (!opened.isEmpty()) {
            out.println();
            TextTable alerts = new TextTable("  ", "OPENED (UTC)", "window", "counted", "expected", "score", "sources", "first evidence")
                    .left(6);
            opened.stream().limit(TableReport.LISTED_ALERTS).forEach(a -> alerts.row(Figures.time(a.time()),
                    Figures.minutes(a.windowMinutes()), a.counted(), Figures.decimal(a.expected()), Figures.decimal(a.score()), a.sources(),
                    evidence(a)));
            alerts.print(out);
            if (opened.size() > TableReport.LISTED_ALERTS) {
                out.printf("  ... and %d more (--format json lists them all)%n", opened.size() - TableReport.LISTED_ALERTS);
            }
        }
        out.println();
        out.println("  verdict: " + w.verdict());
    }

    private static String evidence(OpenedAlert a) {
        if (a.firstTitle() == null) {
            return Figures.NONE;
        }
        String title = a.firstTitle().replaceAll("\\s+", " ");
        title = title.length() <= 70 ? title : title.substring(0, 67) + "...";
        return "\"" + title + "\"" + (a.firstSource() == null ? "" : " (" + a.firstSource() + ")");
    }
}
