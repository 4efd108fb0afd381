package io.newswatch.eventtime;

import java.time.Duration;
import java.util.Map;

/**
 * Where a merge's watermarks come from.
 *
 * <p>{@link #derived}: from the records themselves, for an input whose partitions are only roughly in event-time
 * order (raw articles): the watermark trails the newest event time by the lateness, and a partition quiet for the
 * idle time stops counting.
 *
 * <p>{@link #fromUpstream()}: from watermark records an upstream merge broadcast into every partition of the input
 * (enriched articles carry enrich's): exact, with no lateness to wait for and no idleness to guess.
 *
 * @param lateness     how far out of event-time order a record may arrive within its own partition and still be
 *                     placed in order: the watermark trails the newest event time by this much, so it is also how
 *                     long every record waits before it is released
 * @param idleAfter    wall-clock time without a record after which a partition counts as idle (left out of the
 *                     minimum), so a quiet partition cannot hold everything back for ever
 * @param upstream     watermarks are read from the input instead of derived
 * @param clockWhenIdle when every partition is idle and event time is within an hour of the wall clock (live news), it
 *                     is taken to have reached the wall clock minus the lateness: a quiet spell still closes the
 *                     buckets before it, as a busy stream would; never for a backlog of older articles; off for
 *                     replays, whose result must not depend on when they run
 * @param inputEnds    for a finite input (a replay's copy, complete before the stage starts), the offset after the last
 *                     record of each input partition: a partition is idle as soon as its last record has been read, and
 *                     the wall-clock idle time is only the fallback for a partition whose last records never reach the
 *                     stamper (dead letters); empty for a live input
 */
public record WatermarkPolicy(Duration lateness, Duration idleAfter, boolean upstream, boolean clockWhenIdle,
                              Map<Integer, Long> inputEnds) {

    /**
     * Watermarks are sent on every wall-clock tick when they have moved, and between ticks only when they have moved
     * this much event time. Live, the tick is what counts (a few articles a second); in a replay, where an hour of
     * event time passes in a fraction of a second, one watermark per record would triple the work of the merge
     * (every watermark is a changelogged store write and a store scan).
     */
    static final long STEP_MS = Duration.ofHours(1).toMillis();
    /** How often a stamper checks for idleness and sends a watermark that moved less than a step. */
    static final Duration TICK = Duration.ofMillis(500);

    public static WatermarkPolicy derived(Duration lateness, Duration idleAfter) {
        return new WatermarkPolicy(lateness, idleAfter, false, false, Map.of());
    }

    public static WatermarkPolicy derived(Duration lateness, Duration idleAfter, boolean clockWhenIdle) {
        return new WatermarkPolicy(lateness, idleAfter, false, clockWhenIdle, Map.of());
    }

    public static WatermarkPolicy fromUpstream() {
        return new WatermarkPolicy(Duration.ZERO, Duration.ofDays(3650), true, false, Map.of());
    }

    /** This policy for a finite input that ends at these offsets (see {@link MergeInput#ends()}). */
    public WatermarkPolicy withInputEnds(Map<Integer, Long> ends) {
        return new WatermarkPolicy(lateness, idleAfter, upstream, clockWhenIdle, ends);
    }

    public WatermarkPolicy {
        if (lateness.isNegative()) {
            throw new IllegalArgumentException("lateness must be >= 0, got " + lateness);
        }
        if (idleAfter.isNegative() || idleAfter.isZero()) {
            throw new IllegalArgumentException("idle-after must be > 0, got " + idleAfter);
        }
        inputEnds = inputEnds == null ? Map.of() : Map.copyOf(inputEnds);
    }
}
