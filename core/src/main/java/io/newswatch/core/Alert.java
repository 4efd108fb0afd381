package io.newswatch.core;

import java.time.Instant;
import java.util.List;

/**
 * A lifecycle event of a spike alert, on {@code news.alerts} (and the watch's own topic), keyed by watch id.
 *
 * @param schemaVersion    version of this record's shape
 * @param alertId          id shared by the OPENED, UPDATED and RESOLVED events of one alert
 * @param watchId          the watch that fired
 * @param watchDescription the watch's description, so the alert reads on its own
 * @param status           lifecycle step
 * @param bucketStart      event-time start of the bucket that triggered this event
 * @param bucketEnd        event-time end of that bucket (exclusive)
 * @param observed         articles counted in the bucket
 * @param expected         expected count from the baseline
 * @param score            -log10 of the Poisson tail probability of observing this many
 * @param distinctSources  distinct sources in the bucket
 * @param distinctStories  distinct story ids in the bucket
 * @param topArticles      a few articles that show why
 * @param summary          one human sentence, also used as Slack-compatible text
 * @param eventTime        event time at which this lifecycle step happened
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
