package io.newswatch.ingest.schedule;

import io.newswatch.core.FeedStatus.Health;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a feed's polling state looks like on the feed-state topic (JSON, keyed by the feed's location): enough for
 * another instance, or this one after a restart, to go on where the last poll left off: send the same validators
 * (a 304 instead of a full body), skip the ids already published, keep the interval and the error streak, and wait
 * for the next poll's due time instead of fetching at once. The per-process counters (fetches, errors...) are not
 * kept: they are metrics of the process that counted them.
 *
 * @param location          the feed's location (the record's key too)
 * @param etag              validator of the last successful fetch, or null
 * @param lastModified      validator of the last successful fetch, or null
 * @param seenIds           ids already published from this feed, oldest first: twice the items of its last body, 100 to
 *                          {@link FeedState#SAVED_SEEN_IDS}
 * @param listedItems       how many items the feed's last body listed
 * @param healthyInterval   the interval learned from the feed's posting rate (what a 304 keeps)
 * @param consecutiveErrors failed polls since the last success (the backoff goes on from there)
 * @param lastSuccessAt     when the last poll succeeded, or null
 * @param lastError         the last error's cause, or null
 * @param lastErrorAt       when it happened, or null
 * @param newestItemAt      publish time of the newest item seen, or null (feed health: is it silent?)
 * @param usualItemGap      mean gap between the feed's recent items, or null when unknown (feed health)
 * @param health            the health last reported for the feed (so a move or restart does not report it again)
 * @param nextPollAt        when the next poll is due
 * @param savedAt           when this state was written
 */
public record SavedFeedState(
        String location,
        String etag,
        String lastModified,
        List<String> seenIds,
        int listedItems,
        Duration healthyInterval,
        int consecutiveErrors,
        Instant lastSuccessAt,
        String lastError,
        Instant lastErrorAt,
        Instant newestItemAt,
        Duration usualItemGap,
        Health health,
        Instant nextPollAt,
        Instant savedAt) {

    public SavedFeedState {
        seenIds = seenIds == null ? List.of() : List.copyOf(seenIds);
    }
}
