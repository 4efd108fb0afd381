package io.newswatch.app.backtest;

import io.newswatch.app.backtest.BacktestReport.DayRow;
import io.newswatch.app.backtest.BacktestReport.WatchScore;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * One watch's chart as inline SVG, drawn here so the HTML report needs nothing from outside: matched articles per day
 * (bars, spike days in red), the expected band (trailing median to {@code spikeFactor} x median, with the median as a
 * line), the minimum count of a spike day (dashed), the time its alerts were open (shaded) and their OPENED (triangles
 * on top), and a lane per backtest below with its alerts, so that two backtests can be compared on one chart.
 * Hovering a bar or an alert shows its figures (SVG titles).
 */
final class SvgChart {

    /** One backtest's alerts for a lane: its label and the alerts of the watch. */
    record Lane(String label, List<AlertSpan> alerts) {
    }

    private static final int WIDTH = 960;
    private static final int LEFT = 44;
    private static final int RIGHT = 10;
    private static final int TOP = 12;
    private static final int PLOT = 180;
    private static final int LANE = 14;
    private static final int LANE_GAP = 6;
    private static final int AXIS = 20;
    static final String BAR = "#4a78a8";
    static final String SPIKE = "#d62728";
    static final String OPENED = "#e6550d";
    static final String BAND = "#9fd39f";
    static final String MEDIAN = "#2c7a2c";
    static final String OPEN_SHADE = "#fdae6b";

    private final StringBuilder svg = new StringBuilder();
    private final int days;
    private final Instant spanStart;
    private final double dayWidth;
    private final double yMax;

    private SvgChart(LocalDate firstDay, int days, double yMax) {
        this.days = days;
        this.spanStart = firstDay.atStartOfDay(ZoneOffset.UTC).toInstant();
        this.dayWidth = (WIDTH - LEFT - RIGHT) / (double) days;
        this.yMax = yMax;
    }

    /** The chart of {@code w}; the first lane's alerts are also shaded on the plot. */
    static String of(WatchScore w, LocalDate firstDay, int days, SpikeRule rule, List<Lane> lanes) {
        double top = rule.spikeMinArticles();
        for (DayRow d : w.dayList()) {
            top = Math.max(top, d.matched());
            if (d.median() != null) {
                top = Math.max(top, rule.spikeFactor() * d.median());
            }
        }
        SvgChart c = new SvgChart(firstDay, days, niceCeiling(top * 1.05));
        int height = TOP + PLOT + AXIS + lanes.size() * (LANE + LANE_GAP) + 4;
        c.svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">%n", WIDTH, height, WIDTH, height,
                Html.escape("matched articles per day and alerts of " + w.id())));
        c.svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#fafafa\" stroke=\"#ddd\"/>%n",
                LEFT, TOP, WIDTH - LEFT - RIGHT, PLOT));
        if (!lanes.isEmpty()) {
            c.openShading(lanes.get(0).alerts());
        }
        c.band(w.dayList(), rule.spikeFactor());
        c.bars(w.dayList());
        c.medianLine(w.dayList());
        c.minimumLine(rule.spikeMinArticles());
        if (!lanes.isEmpty()) {
            c.openedMarks(lanes.get(0).alerts());
        }
        c.axes(firstDay);
        int y = TOP + PLOT + AXIS;
        for (Lane lane : lanes) {
            c.lane(lane, y);
            y += LANE + LANE_GAP;
        }
        c.svg.append("</svg>\n");
        return c.svg.toString();
    }

    private double x(double day) {
        return LEFT + day * dayWidth;
    }

    private double x(Instant t) {
        double day = Duration.between(spanStart, t).toSeconds() / 86_400.0;
        return x(Math.max(0, Math.min(days, day)));
    }

    private double y(double value) {
        return TOP + PLOT - value / yMax * PLOT;
    }

    private void openShading(List<AlertSpan> alerts) {
        for (AlertSpan a : alerts) {
            double from = x(a.opened());
            double to = a.resolved() == null ? x((double) days) : x(a.resolved());
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\" opacity=\"0.35\"/>%n",
                    from, TOP, Math.max(1.0, to - from), PLOT, OPEN_SHADE));
        }
    }

    /** Steps from median to factor x median over every run of judged days. */
    private void band(List<DayRow> rows, double factor) {
        int d = 0;
        while (d < rows.size()) {
            if (rows.get(d).median() == null) {
                d++;
                continue;
            }
            int end = d;
            while (end < rows.size() && rows.get(end).median() != null) {
                end++;
            }
            StringBuilder upper = new StringBuilder();
            StringBuilder lower = new StringBuilder();
            for (int i = d; i < end; i++) {
                double median = rows.get(i).median();
                upper.append(String.format(Locale.ROOT, "%.1f,%.1f %.1f,%.1f ", x((double) i), y(factor * median), x(i + 1.0),
                        y(factor * median)));
                lower.insert(0, String.format(Locale.ROOT, "%.1f,%.1f %.1f,%.1f ", x(i + 1.0), y(median), x((double) i), y(median)));
            }
            svg.append(String.format(Locale.ROOT, "<polygon points=\"%s%s\" fill=\"%s\" opacity=\"0.55\"/>%n", upper,
                    lower.toString().trim(), BAND));
            d = end;
        }
    }

    private void bars(List<DayRow> rows) {
        double width = Math.max(0.8, dayWidth - (dayWidth > 3 ? 1 : 0));
        for (int i = 0; i < rows.size(); i++) {
            DayRow d = rows.get(i);
            if (d.matched() == 0 && d.opened() == 0) {
                continue;
            }
            String tip = d.date() + ": " + d.matched() + " matched"
                    + (d.median() == null ? " (not judged)" : ", trailing median " + trim(d.median()))
                    + (d.spike() ? ", SPIKE DAY" : "") + (d.opened() > 0 ? ", " + d.opened() + " OPENED" : "");
            double top = y(d.matched());
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\">"
                    + "<title>%s</title></rect>%n", x((double) i), top, width, TOP + PLOT - top, d.spike() ? SPIKE : BAR,
                    Html.escape(tip)));
            if (d.spike()) {
                svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"4\" fill=\"%s\"/>%n",
                        x((double) i), TOP + PLOT + 1, Math.max(2.0, width), SPIKE));
            }
        }
    }

    private void medianLine(List<DayRow> rows) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) {
            Double m = rows.get(i).median();
            if (m == null) {
                flushLine(points);
                continue;
            }
            points.append(String.format(Locale.ROOT, "%.1f,%.1f %.1f,%.1f ", x((double) i), y(m), x(i + 1.0), y(m)));
        }
        flushLine(points);
    }

    private void flushLine(StringBuilder points) {
        if (!points.isEmpty()) {
            svg.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"1.2\"/>%n",
                    points.toString().trim(), MEDIAN));
            points.setLength(0);
        }
    }

    private void minimumLine(int minimum) {
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\" stroke-dasharray=\"4 3\" "
                + "stroke-width=\"0.8\"><title>a spike day needs at least %d matched</title></line>%n", LEFT, y(minimum), WIDTH - RIGHT,
                y(minimum), SPIKE, minimum));
    }

    private void openedMarks(List<AlertSpan> alerts) {
        for (AlertSpan a : alerts) {
            double cx = x(a.opened());
            svg.append(String.format(Locale.ROOT, "<path d=\"M%.1f,%d l-4,-7 h8 z\" fill=\"%s\"><title>%s</title></path>%n", cx, TOP + 1,
                    OPENED, Html.escape(tip(a))));
        }
    }

    private void lane(Lane lane, int y) {
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"lane\" text-anchor=\"end\">%s</text>%n", LEFT - 4,
                y + LANE - 3, Html.escape(shortLabel(lane.label()))));
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#f3f3f3\"/>%n", LEFT, y,
                WIDTH - LEFT - RIGHT, LANE));
        for (AlertSpan a : lane.alerts()) {
            double from = x(a.opened());
            double to = a.resolved() == null ? x((double) days) : x(a.resolved());
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\">"
                    + "<title>%s</title></rect>%n", from, y, Math.max(1.5, to - from), LANE, OPENED, Html.escape(tip(a))));
        }
    }

    private void axes(LocalDate firstDay) {
        for (double v : new double[] {0, yMax / 2, yMax}) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" class=\"axis\" text-anchor=\"end\">%s</text>%n", LEFT - 4,
                    y(v) + 4, trim(v)));
        }
        int step = days > 60 ? 0 : days > 14 ? 7 : 1;
        for (int d = 0; d < days; d++) {
            LocalDate date = firstDay.plusDays(d);
            boolean label = step == 0 ? date.getDayOfMonth() == 1 || d == 0 : d % step == 0;
            if (label) {
                String text = step == 0 ? date.toString().substring(0, 7) : date.toString().substring(5);
                svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#999\"/>%n",
                        x((double) d), TOP + PLOT, x((double) d), TOP + PLOT + 6));
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"axis\">%s</text>%n", x((double) d) + 2,
                        TOP + PLOT + 16, text));
            }
        }
    }

    private static String tip(AlertSpan a) {
        return a.alertId() + ": OPENED " + Figures.time(a.opened()) + ", "
                + (a.resolved() == null ? "still open" : "RESOLVED " + Figures.time(a.resolved())) + ", " + a.updates() + " UPDATED"
                + (a.summary() == null ? "" : "\n" + a.summary());
    }

    private static String shortLabel(String label) {
        return label.length() <= 7 ? label : label.substring(0, 6) + "…";
    }

    /** 1, 2, 2.5 or 5 times a power of ten, at least {@code value}. */
    static double niceCeiling(double value) {
        if (value <= 0) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * power >= value) {
                return m * power;
            }
        }
        return 10 * power;
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
