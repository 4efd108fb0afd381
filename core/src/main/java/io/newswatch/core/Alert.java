package io.newswatch.core;

import java.time.Instant;
import java.util.List;

/**
 * A lifecycle event of a spike alert, on {@code news.alerts} (and the watch's own topic), keyed by watch id.
 *
 * @param schemaVersion    version of this record's shape
 * @param alertId          id shared by the OPENED, UPDATED and RESOLVED events of one alert
 *                         ({@code <watchId>@<ISO start of the bucket that opened it>})
 * @param watchId          the watch that fired
 * @param watchDescription the watch's description, so the alert reads on its own
 * @param status           lifecycle step
 * @param bucketStart      event-time start of the bucket that triggered this event
 * @param bucketEnd        event-time end of that bucket (exclusive)
 * @param observed         articles counted in the bucket (each article once)
 * @param counted          the count the score is computed on: articles with each source capped at a few
 *                         per bucket, so one source flooding a watch cannot make a spike by itself
 * @param expected         expected count per bucket from the baseline (never below the floor)
 * @param score            -log10 of the Poisson tail probability P(X >= counted | expected)
 * @param distinctSources  distinct sources in the bucket
 * @param distinctStories  distinct story ids in the bucket
 * @param topArticles      a few articles that show why (one per source, earliest first)
 * @param summary          one human sentence, also used as Slack-compatible text
 * @param eventTime        event time at which this lifecycle step happened (stream time of the detector)
 */
public record Alert(
        int schemaVersion,
        String alertId,
        String watchId,
        String watchDescription,
        AlertStatus status,
        Instant bucketStart,
        Instant bucketEnd,
        long observed,
        long counted,
        double expected,
        double score,
        int distinctSources,
        int distinctStories,
        List<AlertArticle> topArticles,
        String summary,
        Instant eventTime) {

    public static final int SCHEMA_VERSION = 1;

    public Alert {
        topArticles = topArticles == null ? List.of() : List.copyOf(topArticles);
    }
}
