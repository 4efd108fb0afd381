package io.newswatch.ingest;

import io.newswatch.core.FeedStatus.Health;
import java.time.Duration;
import java.time.Instant;

/**
 * A snapshot of one feed's counters since start, for logs and the metrics endpoint.
 *
 * @param feed              the feed, as {@link FeedSource#displayName()}
 * @param name              the feed's human name, when known
 * @param fetches           fetch attempts
 * @param notModified       fetches answered 304 (or an unchanged file)
 * @param newArticles       articles published (not seen before in this feed)
 * @param errors            failed polls (fetch, parse or publish)
 * @param consecutiveErrors failed polls since the last success (drives the backoff)
 * @param currentInterval   the wait before the next poll
 * @param lastError         the last error's cause, or null
 * @param lastErrorAt       when it happened, or null
 * @param lastSuccessAt     when the last poll succeeded (including 304), or null
 * @param health            healthy, failing or silent, as last judged (docs/INGEST.md, feed health)
 */
public record FeedStats(
        String feed,
        String name,
        long fetches,
        long notModified,
        long newArticles,
        long errors,
        int consecutiveErrors,
        Duration currentInterval,
        String lastError,
        Instant lastErrorAt,
        Instant lastSuccessAt,
        Health health) {
}
