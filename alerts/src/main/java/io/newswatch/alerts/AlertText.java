package io.newswatch.alerts;

import io.newswatch.core.Alert;
import io.newswatch.core.AlertArticle;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Alerts for people: the format {@code newswatch tail news.alerts} prints. */
public final class AlertText {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    private AlertText() {
    }

    /**
     * A few lines: status, watch and bucket; the numbers; one line per cited article.
     *
     * <pre>
     * [OPENED] tomahawk (Tomahawk missiles)  bucket 2026-11-26 15:20-15:30 UTC
     *   12 articles from 4 sources, 9 stories; expected 0.5, score 9.8 (counted 12)
     *   15:21  Reuters  US weighs Tomahawk sale to Kyiv  https://...
     * </pre>
     */
    public static String readable(Alert a) {
        StringBuilder sb = new StringBuilder();
        sb.append('[').append(a.status()).append("] ").append(a.watchId());
        if (a.watchDescription() != null && !a.watchDescription().isBlank() && !a.watchDescription().equals(a.watchId())) {
            sb.append(" (").append(a.watchDescription()).append(')');
        }
        if (a.bucketStart() != null) {
            sb.append("  bucket ").append(DATE_TIME.format(a.bucketStart()));
            if (a.bucketEnd() != null) {
                sb.append('-').append(TIME.format(a.bucketEnd()));
            }
            sb.append(" UTC");
        }
        sb.append('\n');
        sb.append(String.format(Locale.ROOT, "  %d article%s from %d source%s, %d stor%s; expected %.1f, score %.1f",
                a.observed(), a.observed() == 1 ? "" : "s", a.distinctSources(), a.distinctSources() == 1 ? "" : "s",
                a.distinctStories(), a.distinctStories() == 1 ? "y" : "ies", a.expected(), a.score()));
        if (a.counted() != a.observed()) {
            sb.append(" (counted ").append(a.counted()).append(" after the per-source cap)");
        }
        if (a.bucketStart() != null && a.bucketEnd() != null) {
            sb.append(", bucket ").append(minutes(Duration.between(a.bucketStart(), a.bucketEnd())));
        }
        for (AlertArticle article : a.topArticles()) {
            sb.append('\n').append("  ")
                    .append(article.eventTime() == null ? "     " : TIME.format(article.eventTime()))
                    .append("  ").append(nullToEmpty(article.source()))
                    .append("  ").append(nullToEmpty(article.title()));
            if (article.link() != null) {
                sb.append("  ").append(article.link());
            }
        }
        return sb.toString();
    }

    private static String minutes(Duration d) {
        return d.toMinutes() + "m";
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
