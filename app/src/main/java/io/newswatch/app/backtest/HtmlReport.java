package io.newswatch.app.backtest;

import io.newswatch.app.backtest.BacktestComparison.MetricChange;
import io.newswatch.app.backtest.BacktestComparison.WatchChange;
import io.newswatch.app.backtest.BacktestReport.EventOutcome;
import io.newswatch.app.backtest.BacktestReport.EventScore;
import io.newswatch.app.backtest.BacktestReport.GoalCheck;
import io.newswatch.app.backtest.BacktestReport.Recall;
import io.newswatch.app.backtest.BacktestReport.SpikeDayRow;
import io.newswatch.app.backtest.BacktestReport.WatchScore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report as one self-contained HTML page ({@code --html FILE}): the tables of the terminal report, and a chart per
 * watch ({@link SvgChart}). No script, stylesheet, font or image is loaded from anywhere: the page works offline and
 * can be mailed as it is.
 */
public final class HtmlReport {

    private static final String STYLE = """
            body{font:14px/1.4 system-ui,-apple-system,Segoe UI,Helvetica,Arial,sans-serif;margin:24px;color:#222;max-width:1000px}
            h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 4px}h3{font-size:14px;margin:14px 0 4px}
            table{border-collapse:collapse;margin:6px 0 12px}th,td{padding:3px 8px;border-bottom:1px solid #e4e4e4;text-align:right}
            th:first-child,td:first-child{text-align:left}th{background:#f4f4f4;font-weight:600}
            td.pass{color:#1a7f37;font-weight:600}td.fail{color:#c62828;font-weight:600}tr.goal td{color:#666;font-style:italic}
            .muted{color:#666}.chart{display:block;margin:6px 0}.chart text{font-size:10px;fill:#555}
            .key span{display:inline-block;width:12px;height:10px;margin:0 4px 0 12px;vertical-align:middle}
            """;

    private HtmlReport() {
    }

    public static String page(BacktestReport r) {
        StringBuilder h = start("newswatch backtest " + r.prefix());
        h.append("<h1>Backtest ").append(Html.escape(r.prefix())).append("</h1>\n");
        span(h, r);
        summary(h, r);
        if (r.eventsFile() != null) {
            events(h, r);
        }
        key(h, false, r.prefix(), null);
        for (WatchScore w : r.watches()) {
            watch(h, r, w, List.of(new SvgChart.Lane("alerts", w.alerts())));
        }
        notes(h, r.notes());
        return h.append("</body></html>\n").toString();
    }

    public static String page(BacktestComparison c) {
        BacktestReport r = c.report();
        BacktestReport b = c.baseline();
        StringBuilder h = start("newswatch backtest " + r.prefix() + " compared with " + b.prefix());
        h.append("<h1>Backtest ").append(Html.escape(r.prefix())).append(" compared with ").append(Html.escape(b.prefix()))
                .append("</h1>\n");
        span(h, r);
        h.append("<p class=\"muted\">Baseline ").append(Html.escape(b.prefix())).append(": ").append(b.firstDay()).append(" .. ")
                .append(b.lastDay()).append(", ").append(Figures.count(b.articles())).append(" enriched articles. Change = ")
                .append(Html.escape(r.prefix())).append(" minus ").append(Html.escape(b.prefix())).append(".</p>\n");
        h.append("<h2>").append(Html.escape(r.prefix())).append("</h2>\n");
        summary(h, r);
        h.append("<h2>").append(Html.escape(b.prefix())).append(" (baseline)</h2>\n");
        summary(h, b);
        changes(h, c);
        key(h, true, r.prefix(), b.prefix());
        Map<String, WatchScore> baseline = new LinkedHashMap<>();
        b.watches().forEach(w -> baseline.put(w.id(), w));
        for (WatchScore w : r.watches()) {
            WatchScore other = baseline.get(w.id());
            List<SvgChart.Lane> lanes = new ArrayList<>();
            lanes.add(new SvgChart.Lane("this", w.alerts()));
            lanes.add(new SvgChart.Lane("base", other == null ? List.of() : other.alerts()));
            watch(h, r, w, lanes);
            onlyIn(h, "only in " + r.prefix(), c.onlyInReport(), w.id());
            onlyIn(h, "only in " + b.prefix(), c.onlyInBaseline(), w.id());
        }
        List<String> notes = new ArrayList<>();
        r.notes().forEach(n -> notes.add(r.prefix() + ": " + n));
        b.notes().forEach(n -> notes.add(b.prefix() + ": " + n));
        notes(h, notes);
        return h.append("</body></html>\n").toString();
    }

    private static StringBuilder start(String title) {
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>").append(Html.escape(title))
                .append("</title>\n<style>\n").append(STYLE).append("</style></head><body>\n");
        return h;
    }

    private static void span(StringBuilder h, BacktestReport r) {
        SpikeRule rule = r.rule();
        h.append("<p>").append(r.firstDay()).append(" .. ").append(r.lastDay()).append(" UTC: ").append(r.days()).append(" days, ")
                .append(Figures.count(r.articles())).append(" enriched articles, ").append(r.watches().size()).append(" watches.</p>\n");
        h.append("<p class=\"muted\">A spike day has at least ").append(trim(rule.spikeFactor()))
                .append(" &times; the median of the trailing ")
                .append(rule.trailingDays()).append(" days and at least ").append(rule.spikeMinArticles())
                .append(" matched articles (the first ").append(rule.trailingDays()).append(" days are not judged). Its surge starts at ")
                .append("its first hour with at least ").append(trim(rule.surgeFactor()))
                .append(" &times; the trailing mean hourly count and at least ")
                .append(rule.surgeMinArticles()).append(". Definitions: docs/ALERTS.md, &ldquo;Judging a watch by backtest&rdquo;.</p>\n");
    }

    private static void summary(StringBuilder h, BacktestReport r) {
        Goals g = r.goals();
        h.append("<table><tr><th>watch</th><th>matched</th><th>OPENED</th><th>UPDATED</th><th>RESOLVED</th><th>spike days</th>")
                .append("<th>caught</th><th>in time</th><th>median lead</th><th>off spike</th><th>OPENED/spike</th><th>OPENED/day</th>")
                .append("<th>verdict</th></tr>\n");
        for (WatchScore w : r.watches()) {
            h.append("<tr><td><a href=\"#w-").append(Html.escape(w.id())).append("\">").append(Html.escape(w.id())).append("</a></td>");
            cell(h, Figures.count(w.matched()), null);
            cell(h, Integer.toString(w.opened()), null);
            cell(h, Integer.toString(w.updated()), null);
            cell(h, Integer.toString(w.resolved()), null);
            cell(h, w.spikeDays() + " (" + w.spikes() + " spikes)", null);
            cell(h, w.spikeDays() == 0 ? Figures.NONE : w.caught() + "/" + w.spikeDays(), null);
            cell(h, Figures.percent(w.caughtInTimeShare()), goal(w, "caught-in-time"));
            cell(h, Figures.minutes(w.medianLeadMinutes()), null);
            cell(h, Figures.percent(w.offSpikeShare()), goal(w, "opened-off-spike"));
            cell(h, Figures.decimal(w.openedPerSpike()), goal(w, "opened-per-spike"));
            cell(h, Figures.decimal(w.openedPerDay()), goal(w, "opened-per-day"));
            cell(h, w.verdict().label(), w.verdict());
            h.append("</tr>\n");
        }
        h.append("<tr class=\"goal\"><td>goal</td><td></td><td></td><td></td><td></td><td></td><td></td><td>")
                .append(Html.escape(Figures.limit("caught-in-time", ">=", g.minCaughtInTime()))).append(" within ")
                .append(Figures.minutes(g.maxLeadMinutes())).append("</td><td></td><td>")
                .append(Html.escape(Figures.limit("opened-off-spike", "<=", g.maxOffSpikeShare()))).append("</td><td>")
                .append(Html.escape(Figures.limit("opened-per-spike", "<=", g.maxOpenedPerSpike()))).append("</td><td>")
                .append(Html.escape(Figures.limit("opened-per-day", "<=", g.maxOpenedPerDay()))).append("</td><td></td></tr>\n</table>\n");
    }

    private static Verdict goal(WatchScore w, String goal) {
        return w.goals().stream().filter(c -> c.goal().equals(goal)).map(GoalCheck::verdict).findFirst().orElse(Verdict.NA);
    }

    private static void cell(StringBuilder h, String text, Verdict verdict) {
        String css = verdict == Verdict.PASS ? " class=\"pass\"" : verdict == Verdict.FAIL ? " class=\"fail\"" : "";
        h.append("<td").append(css).append('>').append(Html.escape(text)).append("</td>");
    }

    private static void events(StringBuilder h, BacktestReport r) {
        h.append("<h2>Labelled events</h2>\n<p class=\"muted\">").append(Html.escape(r.eventsFile()))
                .append(": an event is recalled by a watch it lists when an alert of the watch is open between ")
                .append(Figures.minutes(r.eventSlackMinutes())).append(" before its start and its end.</p>\n");
        h.append("<table><tr><th>watch</th><th>events</th><th>recalled</th><th>recall</th><th>false alarms</th><th>OPENED/event</th>")
                .append("<th>median lead</th></tr>\n");
        for (WatchScore w : r.watches()) {
            Recall rc = w.recall();
            h.append("<tr><td>").append(Html.escape(w.id())).append("</td>");
            cell(h, Integer.toString(rc.events()), null);
            cell(h, Integer.toString(rc.recalled()), null);
            cell(h, Figures.percent(rc.recall()), null);
            cell(h, Integer.toString(rc.falseAlarms()), null);
            cell(h, Figures.decimal(rc.alertsPerEvent()), null);
            cell(h, Figures.minutes(rc.medianLeadMinutes()), null);
            h.append("</tr>\n");
        }
        h.append("</table>\n<table><tr><th>event</th><th>start (UTC)</th><th>end (UTC)</th><th>watch</th><th>caught</th><th>OPENED</th>")
                .append("<th>first OPENED</th><th>lead</th></tr>\n");
        for (EventScore e : r.events()) {
            for (EventOutcome o : e.watches()) {
                h.append("<tr><td>").append(Html.escape(e.title())).append("</td>");
                cell(h, Figures.time(e.start()), null);
                cell(h, Figures.time(e.end()), null);
                cell(h, o.watch(), null);
                boolean judged = e.inBacktest() && o.known();
                cell(h, !e.inBacktest() ? "outside" : !o.known() ? "no watch" : o.caught() ? "yes" : "missed",
                        judged ? (o.caught() ? Verdict.PASS : Verdict.FAIL) : null);
                cell(h, Integer.toString(o.opened()), null);
                cell(h, Figures.time(o.firstOpened()), null);
                cell(h, Figures.minutes(o.leadMinutes()), null);
                h.append("</tr>\n");
            }
        }
        h.append("</table>\n");
    }

    private static void changes(StringBuilder h, BacktestComparison c) {
        h.append("<h2>Changes per watch</h2>\n<table><tr><th>watch</th><th>metric</th><th>").append(Html.escape(c.baseline().prefix()))
                .append("</th><th>").append(Html.escape(c.report().prefix())).append("</th><th>change</th></tr>\n");
        for (WatchChange w : c.changes()) {
            for (MetricChange m : w.metrics()) {
                if (m.report() == null && m.baseline() == null) {
                    continue;
                }
                h.append("<tr><td>").append(Html.escape(w.id())).append("</td><td style=\"text-align:left\">").append(m.metric())
                        .append("</td>");
                cell(h, Figures.metric(m.metric(), m.baseline()), null);
                cell(h, Figures.metric(m.metric(), m.report()), null);
                cell(h, Figures.delta(m.metric(), m.delta()), null);
                h.append("</tr>\n");
            }
            h.append("<tr><td>").append(Html.escape(w.id())).append("</td><td style=\"text-align:left\">verdict</td>");
            cell(h, w.baselineVerdict() == null ? Figures.NONE : w.baselineVerdict().label(), w.baselineVerdict());
            cell(h, w.reportVerdict() == null ? Figures.NONE : w.reportVerdict().label(), w.reportVerdict());
            h.append("<td></td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void key(StringBuilder h, boolean compare, String prefix, String baseline) {
        h.append("<p class=\"key muted\">Charts:<span style=\"background:").append(SvgChart.BAR).append("\"></span>matched per day")
                .append("<span style=\"background:").append(SvgChart.SPIKE).append("\"></span>spike day")
                .append("<span style=\"background:").append(SvgChart.BAND)
                .append("\"></span>expected band (median .. spike factor &times; median)")
                .append("<span style=\"background:").append(SvgChart.MEDIAN).append(";height:2px\"></span>trailing median")
                .append("<span style=\"background:").append(SvgChart.OPEN_SHADE).append("\"></span>alert open")
                .append("<span style=\"background:").append(SvgChart.OPENED)
                .append("\"></span>OPENED (triangles; alerts in the lane below)");
        if (compare) {
            h.append(". Lanes: this = ").append(Html.escape(prefix)).append(", base = ").append(Html.escape(baseline));
        }
        h.append(". Hover for figures.</p>\n");
    }

    private static void watch(StringBuilder h, BacktestReport r, WatchScore w, List<SvgChart.Lane> lanes) {
        h.append("<h2 id=\"w-").append(Html.escape(w.id())).append("\">").append(Html.escape(w.id())).append(" <span class=\"muted\">")
                .append(Html.escape(w.what())).append(w.description() == null ? "" : " &mdash; " + Html.escape(w.description()))
                .append("</span></h2>\n");
        h.append("<p>").append(Figures.count(w.matched())).append(" matched (").append(Figures.decimal(w.matchedPerDay()))
                .append(" a day, at most ").append(w.maxMatchedPerDay()).append("); ").append(w.opened()).append(" OPENED, ")
                .append(w.updated()).append(" UPDATED, ").append(w.resolved()).append(" RESOLVED; an alert open ")
                .append(Figures.percent(w.openShare())).append(" of the time; verdict <b>").append(Html.escape(TableReport.verdict(w)))
                .append("</b>.</p>\n");
        h.append(SvgChart.of(w, r.firstDay(), r.days(), r.rule(), lanes));
        if (!w.spikeDayList().isEmpty()) {
            h.append("<details><summary>").append(w.spikeDays()).append(" spike days</summary>\n<table><tr><th>day</th><th>spike</th>")
                    .append("<th>matched</th><th>median</th><th>surge start</th><th>caught</th><th>first OPENED</th><th>lead</th></tr>\n");
            for (SpikeDayRow d : w.spikeDayList()) {
                h.append("<tr><td>").append(d.date()).append("</td>");
                cell(h, "#" + d.spike(), null);
                cell(h, Integer.toString(d.matched()), null);
                cell(h, trim(d.median()), null);
                cell(h, Figures.time(d.surgeStart()).substring(11), null);
                cell(h, d.caught() ? "yes" : "no", d.caught() ? Verdict.PASS : Verdict.FAIL);
                cell(h, Figures.time(d.firstOpened()), null);
                cell(h, Figures.minutes(d.leadMinutes()), d.leadMinutes() == null ? null : d.inTime() ? Verdict.PASS : Verdict.FAIL);
                h.append("</tr>\n");
            }
            h.append("</table></details>\n");
        }
    }

    private static void onlyIn(StringBuilder h, String title, List<AlertSpan> alerts, String watch) {
        List<AlertSpan> mine = alerts.stream().filter(a -> a.watchId().equals(watch)).toList();
        if (mine.isEmpty()) {
            return;
        }
        h.append("<details><summary>").append(mine.size()).append(" alerts ").append(Html.escape(title)).append("</summary>\n<table>")
                .append("<tr><th>OPENED</th><th>RESOLVED</th><th>summary</th></tr>\n");
        for (AlertSpan a : mine) {
            h.append("<tr><td>").append(Figures.time(a.opened())).append("</td>");
            cell(h, a.resolved() == null ? "still open" : Figures.time(a.resolved()), null);
            h.append("<td style=\"text-align:left\">").append(Html.escape(a.summary())).append("</td></tr>\n");
        }
        h.append("</table></details>\n");
    }

    private static void notes(StringBuilder h, List<String> notes) {
        if (notes.isEmpty()) {
            return;
        }
        h.append("<h2>Notes</h2>\n<ul>\n");
        notes.forEach(n -> h.append("<li>").append(Html.escape(n)).append("</li>\n"));
        h.append("</ul>\n");
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.valueOf(value);
    }
}
