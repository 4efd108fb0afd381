package io.newswatch.enrich.recent;

import java.time.Duration;

/**
 * When a store of recent entries (dedup keys, story fingerprints) forgets what has aged out: every few
 * wall-clock minutes (a punctuation), and each time event time has moved on by the store's span. A replay
 * crosses months in minutes: swept by the wall clock alone, the store and every look-up in it would grow with
 * the whole history; once per span of event time is rare enough for a full scan.
 *
 * <p>Age is measured against the newest event time processed, not the task's stream time: that counts
 * records still waiting in the event-time merge, and sweeping by it could forget what they will need.
 * Sweeping only frees space: the stores compare times themselves, so results never depend on it.
 */
public final class SweepSchedule {

    /** How often the wall-clock sweep runs. */
    public static final Duration WALL_CLOCK_INTERVAL = Duration.ofMinutes(5);

    private final long spanMs;
    private long newestMs = -1;
    private long sweptAtMs = -1;

    public SweepSchedule(Duration span) {
        this.spanMs = span.toMillis();
    }

    /** Notes a processed record's event time; true when a sweep is due because event time has moved on by the span. */
    public boolean record(long eventTimeMs) {
        newestMs = Math.max(newestMs, eventTimeMs);
        if (sweptAtMs < 0) {
            sweptAtMs = newestMs;
            return false;
        }
        return newestMs - sweptAtMs >= spanMs;
    }

    /** Newest event time processed, or -1 before the first record since start. */
    public long newestMs() {
        return newestMs;
    }

    /** Call after each sweep. */
    public void swept() {
        sweptAtMs = newestMs;
    }
}
