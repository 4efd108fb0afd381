package io.newswatch.core;

import java.time.Duration;
import java.time.Instant;

/**
 * A change in a feed's health, on the compacted {@code news.feed-status} topic (key = {@link #feed}): written by the ingest
 * instance that polls the feed when the feed starts failing, goes silent, or is healthy again, so that a user (or the
 * alerts stage) can follow which feeds are not delivering. Compaction keeps the latest status per feed; removing the
 * feed writes a tombstone.
 *
 * @param feed              the feed's URL with credentials removed, or its file's {@code file:} URI
 * @param name              the feed's configured name, or null
 * @param health            what the feed is now
 * @param previous          what it was before this change
 * @param reason            why, in a sentence: "5 polls in a row failed; last: HTTP 503 ..."
 * @param consecutiveErrors failed polls since the last success
 * @param lastError         the last error's cause, or null
 * @param lastSuccessAt     when the last poll succeeded, or null
 * @param newestItemAt      publish time of the newest item seen, or null
 * @param usualItemGap      mean gap between the feed's recent items, or null when unknown
 * @param reportedAt        when the change was seen (the time of the poll that showed it)
 */
public record FeedStatus(
        String feed,
        String name,
        Health health,
        Health previous,
        String reason,
        int consecutiveErrors,
        String lastError,
        Instant lastSuccessAt,
        Instant newestItemAt,
        Duration usualItemGap,
        Instant reportedAt) {

    /** A feed's health as ingest judges it after each poll. */
    public enum Health {
        /** Polls succeed and items come about as often as usual. */
        HEALTHY,
        /** Polls keep failing (fetch, parse or publish). */
        FAILING,
        /** Polls succeed, but no new item for much longer than the feed's usual gap between items. */
        SILENT
    }
}
