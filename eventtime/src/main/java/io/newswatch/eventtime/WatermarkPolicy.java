package io.newswatch.eventtime;

import java.time.Duration;

/**
 * How watermarks are derived for one merge.
 *
 * @param lateness  how far out of event-time order a record may arrive within its own partition and still
 *                  be placed in order: the watermark trails the newest event time by this much, so it is
 *                  also how long every record waits before it is released
 * @param idleAfter wall-clock time without a record after which a partition counts as idle (left out of
 *                  the minimum), so a quiet partition cannot hold everything back for ever
 */
public record WatermarkPolicy(Duration lateness, Duration idleAfter) {

    /**
     * Watermarks are sent on every wall-clock tick when they have moved, and between ticks only when they have moved
     * this much event time. Live, the tick is what counts (a few articles a second); in a replay, where an hour of
     * event time passes in a fraction of a second, one watermark per record would triple the work of the merge
     * (every watermark is a changelogged store write and a store scan).
     */
    static final long STEP_MS = Duration.ofHours(1).toMillis();
    /** How often a stamper checks for idleness and sends a watermark that moved less than a step. */
    static final Duration TICK = Duration.ofMillis(500);

    public WatermarkPolicy {
        if (lateness.isNegative()) {
            throw new IllegalArgumentException("lateness must be >= 0, got " + lateness);
        }
        if (idleAfter.isNegative() || idleAfter.isZero()) {
            throw new IllegalArgumentException("idle-after must be > 0, got " + idleAfter);
        }
    }
}
