package io.newswatch.ingest.schedule;

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
 */
public final class FeedState {

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

    public FeedState(FeedSource source, int seenCapacity, Duration initialInterval) {
        this.source = source;
        this.seen = new SeenIds(seenCapacity);
        this.currentInterval = initialInterval;
        this.healthyInterval = initialInterval;
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

    public FeedStats stats() {
        return new FeedStats(source.displayName(), source.name(), fetches, notModified, newArticles, errors, consecutiveErrors,
                currentInterval, lastError, lastErrorAt, lastSuccessAt);
    }
}
