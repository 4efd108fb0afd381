package io.newswatch.ingest.schedule;

import io.newswatch.core.FeedStatus.Health;
import io.newswatch.ingest.FeedSource;
import io.newswatch.ingest.FeedStats;
import io.newswatch.ingest.fetch.Validators;
import java.time.Duration;
import java.time.Instant;

/**
 * Everything remembered about one feed between polls: validators for conditional GET, the ids already
 * published, the error streak, the current interval and the counters. Polls of one feed never overlap
 * (the scheduler schedules the next only when one ends), so the mutable parts are confined to one
 * thread at a time; the counters are read by {@link #stats()} from any thread, hence volatile.
 *
 * <p>{@link #save} and {@link #restore} carry what matters across a restart or a move to another instance
 * ({@link SavedFeedState}); the counters start again from zero in each process.
 */
public final class FeedState {

    /**
     * Most seen ids kept in a saved state. Only ids a feed still lists can come back, and every poll with a body touches
     * the ids it lists, making them the most recent; so a state keeps twice the items of the feed's last body (at least
     * {@link #SAVED_SEEN_IDS_MIN}), up to this many: a feed of 50 items saves 100 ids (about 4 KB), the largest 40 KB.
     * Saved after every poll, the state of 30,000 feeds polled every 2 minutes is then about 1 MB/s before compression.
     */
    public static final int SAVED_SEEN_IDS = 1000;
    static final int SAVED_SEEN_IDS_MIN = 100;

    private final FeedSource source;
    private final SeenIds seen;
    private Validators validators = Validators.NONE;
    private volatile long fetches;
    private volatile long notModified;
    private volatile long newArticles;
    private volatile long errors;
    private volatile int consecutiveErrors;
    private volatile Duration currentInterval;
    private Duration healthyInterval;
    private volatile String lastError;
    private volatile Instant lastErrorAt;
    private volatile Instant lastSuccessAt;
    private volatile Instant newestItemAt;
    private volatile Duration usualItemGap;
    private volatile Health health = Health.HEALTHY;
    private int listedItems;

    public FeedState(FeedSource source, int seenCapacity, Duration initialInterval) {
        this.source = source;
        this.seen = new SeenIds(seenCapacity);
        this.currentInterval = initialInterval;
        this.healthyInterval = initialInterval;
    }

    /** A feed's state as saved by {@link #save} (possibly by another instance), under a possibly renamed source. */
    public static FeedState restore(FeedSource source, int seenCapacity, Duration initialInterval, SavedFeedState saved) {
        FeedState state = new FeedState(source, seenCapacity, saved.healthyInterval() != null ? saved.healthyInterval() : initialInterval);
        saved.seenIds().forEach(state.seen::add);
        state.validators = new Validators(saved.etag(), saved.lastModified());
        state.consecutiveErrors = saved.consecutiveErrors();
        state.lastSuccessAt = saved.lastSuccessAt();
        state.lastError = saved.lastError();
        state.lastErrorAt = saved.lastErrorAt();
        state.newestItemAt = saved.newestItemAt();
        state.usualItemGap = saved.usualItemGap();
        state.health = saved.health() != null ? saved.health() : Health.HEALTHY;
        state.listedItems = saved.listedItems();
        return state;
    }

    /** What another instance needs to go on polling this feed; {@code nextPollAt} is when the next poll is due. */
    public SavedFeedState save(Instant nextPollAt, Instant now) {
        int keep = Math.min(SAVED_SEEN_IDS, Math.max(SAVED_SEEN_IDS_MIN, 2 * listedItems));
        return new SavedFeedState(source.location(), validators.etag(), validators.lastModified(), seen.mostRecent(keep), listedItems,
                healthyInterval, consecutiveErrors, lastSuccessAt, lastError, lastErrorAt, newestItemAt, usualItemGap, health, nextPollAt,
                now);
    }

    public FeedSource source() {
        return source;
    }

    SeenIds seen() {
        return seen;
    }

    Validators validators() {
        return validators;
    }

    void validators(Validators v) {
        this.validators = v;
    }

    void fetched() {
        fetches++;
    }

    void notModified() {
        notModified++;
    }

    void published(int count) {
        newArticles += count;
    }

    /** Records a failed poll; returns the error streak including this one. */
    int failed(String cause, Instant at) {
        errors++;
        lastError = cause;
        lastErrorAt = at;
        return ++consecutiveErrors;
    }

    void succeeded(Instant at) {
        consecutiveErrors = 0;
        lastSuccessAt = at;
    }

    void interval(Duration d) {
        currentInterval = d;
    }

    public Duration interval() {
        return currentInterval;
    }

    /** The interval of the last successful poll with a body: what a 304 keeps (not an error backoff). */
    Duration healthyInterval() {
        return healthyInterval;
    }

    void healthyInterval(Duration d) {
        healthyInterval = d;
    }

    /** How many items the latest body listed. */
    void listedItems(int count) {
        listedItems = count;
    }

    /** What the latest body said about the posting rate: its newest item's time, and the mean gap between its items. */
    void postingRate(Instant newest, Duration meanGap) {
        if (newest != null && (newestItemAt == null || newest.isAfter(newestItemAt))) {
            newestItemAt = newest;
        }
        if (meanGap != null) {
            usualItemGap = meanGap;
        }
    }

    /** The health last reported for this feed (see {@code FeedHealthReporter}). */
    public Health health() {
        return health;
    }

    /** Records a newly reported health. */
    public void health(Health h) {
        health = h;
    }

    /** Publish time of the newest item seen in this feed, or null. */
    public Instant newestItemAt() {
        return newestItemAt;
    }

    /** Mean gap between the feed's recent items, or null when the feed gave fewer than two dated items. */
    public Duration usualItemGap() {
        return usualItemGap;
    }

    public FeedStats stats() {
        return new FeedStats(source.displayName(), source.name(), fetches, notModified, newArticles, errors, consecutiveErrors,
                currentInterval, lastError, lastErrorAt, lastSuccessAt, health);
    }
}
