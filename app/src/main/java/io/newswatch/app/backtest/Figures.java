package io.newswatch.app.backtest;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the table and the HTML page write the report's figures: the same text in both. */
final class Figures {

    static final String NONE = "-";
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Figures() {
    }

    /** 0.25 as 25%; under 10% with one decimal (0.3%), which matters for small shares of time. */
    static String percent(Double share) {
        if (share == null) {
            return NONE;
        }
        double p = share * 100;
        return p > 0 && p < 10 ? String.format(Locale.ROOT, "%.1f%%", p) : String.format(Locale.ROOT, "%.0f%%", p);
    }

    static String decimal(Double value) {
        return value == null ? NONE : String.format(Locale.ROOT, "%.2f", value);
    }

    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** Minutes as 45m, 2h, 2h05m, -1h30m; a day or more as 1d03h, to the hour. */
    static String minutes(Number minutes) {
        if (minutes == null) {
            return NONE;
        }
        long m = Math.round(minutes.doubleValue());
        String sign = m < 0 ? "-" : "";
        m = Math.abs(m);
        if (m < 60) {
            return sign + m + "m";
        }
        if (m < 24 * 60) {
            return m % 60 == 0 ? sign + m / 60 + "h" : String.format(Locale.ROOT, "%s%dh%02dm", sign, m / 60, m % 60);
        }
        long hours = Math.round(m / 60.0);
        return hours % 24 == 0 ? sign + hours / 24 + "d" : String.format(Locale.ROOT, "%s%dd%02dh", sign, hours / 24, hours % 24);
    }

    /** 2023-06-24 14:00 (UTC). */
    static String time(Instant t) {
        return t == null ? NONE : MINUTE.format(t);
    }

    /** A goal's limit as its table line shows it: {@code >= 80%}, {@code <= 2}. */
    static String limit(String goal, String comparison, double limit) {
        boolean share = goal.equals("caught-in-time") || goal.equals("opened-off-spike");
        return comparison + " " + (share ? percent(limit) : String.format(Locale.ROOT, "%.0f", limit));
    }

    /** A compared metric's value, by the metric's kind. */
    static String metric(String metric, Double value) {
        if (value == null) {
            return NONE;
        }
        return switch (kind(metric)) {
            case SHARE -> percent(value);
            case RATE -> decimal(value);
            case MINUTES -> minutes(value);
            case COUNT -> count(Math.round(value));
        };
    }

    /** A compared metric's change: shares in percentage points, the rest in the metric's unit, with a sign. */
    static String delta(String metric, Double delta) {
        if (delta == null) {
            return NONE;
        }
        if (Math.abs(delta) < 1e-9) {
            return "0";
        }
        String sign = delta > 0 ? "+" : "";
        return switch (kind(metric)) {
            case SHARE -> String.format(Locale.ROOT, "%s%.0f pts", sign, delta * 100);
            case RATE -> sign + decimal(delta);
            case MINUTES -> sign + minutes(delta);
            case COUNT -> sign + count(Math.round(delta));
        };
    }

    enum Kind { COUNT, RATE, SHARE, MINUTES }

    static Kind kind(String metric) {
        if (metric.endsWith("Share") || metric.equals("recall")) {
            return Kind.SHARE;
        }
        if (metric.endsWith("Minutes")) {
            return Kind.MINUTES;
        }
        if (metric.startsWith("openedPer") || metric.equals("alertsPerEvent")) {
            return Kind.RATE;
        }
        return Kind.COUNT;
    }
}
