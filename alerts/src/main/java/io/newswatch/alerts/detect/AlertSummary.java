package io.newswatch.alerts.detect;

import io.newswatch.core.AlertArticle;
import io.newswatch.core.AlertStatus;
import io.newswatch.core.Watch;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The one-line human sentence of an alert; also the Slack {@code text} of a webhook delivery. */
public final class AlertSummary {

    private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private AlertSummary() {
    }

    public static String line(Watch watch, AlertStatus status, Instant bucketStart, Duration bucket, long observed,
                              double expected, double score, int sources, List<AlertArticle> evidence) {
        String name = watch.description() == null || watch.description().isBlank() ? watch.id() : watch.description();
        String window = HOUR_MINUTE.format(bucketStart) + " UTC +" + human(bucket);
        String counts = String.format(Locale.ROOT, "%d article%s from %d source%s in %s (expected %.1f, score %.1f)",
                observed, observed == 1 ? "" : "s", sources, sources == 1 ? "" : "s", window, expected, score);
        String lead = evidence.isEmpty() ? "" : " - e.g. \"" + evidence.getFirst().title() + "\" ("
                + evidence.getFirst().source() + ")";
        return switch (status) {
            case OPENED -> "Spike: " + name + ": " + counts + lead;
            case UPDATED -> "Spike growing: " + name + ": " + counts + lead;
            case RESOLVED -> "Back to normal: " + name + ": " + counts;
        };
    }

    private static String human(Duration d) {
        if (d.toHoursPart() == 0 && d.toDays() == 0 && d.toSecondsPart() == 0) {
            return d.toMinutes() + "m";
        }
        if (d.toMinutesPart() == 0 && d.toSecondsPart() == 0) {
            return d.toHours() + "h";
        }
        return d.toSeconds() + "s";
    }
}
