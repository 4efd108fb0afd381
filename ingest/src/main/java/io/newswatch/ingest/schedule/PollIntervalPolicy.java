package io.newswatch.ingest.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * When to poll a feed next. Pure arithmetic, no clock of its own.
 *
 * <p>After a success: from the feed's observed posting rate. The mean gap between its most recent
 * items (or the time since its newest item, if that is longer: a feed that went quiet is not busy) is
 * halved, so a new item waits on average a quarter of a gap, then clamped to [min, max]. A feed with
 * fewer than two dated items gets the geometric middle of min and max. Never sooner than the floor the
 * publisher set (RSS {@code ttl}, {@code Cache-Control: max-age}, {@code Retry-After}).
 *
 * <p>After an error: exponential backoff from min, doubling per consecutive error up to
 * {@code maxBackoff}, with "equal jitter" (half fixed, half random) so feeds that failed together do
 * not retry together; and never sooner than a {@code Retry-After}.
 */
public final class PollIntervalPolicy {

    /** A floor above this is treated as a publisher mistake (or hostility) and capped. */
    static final Duration MAX_FLOOR = Duration.ofDays(1);
    private static final int RECENT_ITEMS = 20;

    private final Duration min;
    private final Duration max;
    private final Duration maxBackoff;
    private final RandomGenerator random;

    public PollIntervalPolicy(Duration min, Duration max, Duration maxBackoff, RandomGenerator random) {
        this.min = min;
        this.max = max;
        this.maxBackoff = maxBackoff;
        this.random = random;
    }

    /** The first interval, before anything is known about the feed. */
    public Duration initial() {
        return middle();
    }

    /**
     * @param publishTimes the publish times of the items in the latest body (any order, nulls ignored)
     * @param floors       the publisher's floors (ttl, max-age), nulls ignored
     * @param now          the current time
     */
    public Duration afterSuccess(Collection<Instant> publishTimes, Collection<Duration> floors, Instant now) {
        List<Instant> recent = recent(publishTimes, now);
        Duration interval;
        if (recent.size() < 2) {
            interval = middle();
        } else {
            Duration meanGap = meanGap(recent);
            Duration quiet = Duration.between(recent.get(0), now);
            Duration gap = quiet.compareTo(meanGap) > 0 ? quiet : meanGap;
            interval = clamp(gap.dividedBy(2));
        }
        return atLeast(interval, floors);
    }

    /** The mean gap between the most recent items published by {@code now}, or null with fewer than two dated items. */
    public static Duration usualGap(Collection<Instant> publishTimes, Instant now) {
        List<Instant> recent = recent(publishTimes, now);
        return recent.size() < 2 ? null : meanGap(recent);
    }

    private static List<Instant> recent(Collection<Instant> publishTimes, Instant now) {
        return publishTimes.stream()
                .filter(t -> t != null && !t.isAfter(now))
                .sorted(Comparator.reverseOrder())
                .distinct()
                .limit(RECENT_ITEMS)
                .toList();
    }

    /** Mean gap of times sorted newest first, at least two. */
    private static Duration meanGap(List<Instant> newestFirst) {
        return Duration.between(newestFirst.get(newestFirst.size() - 1), newestFirst.get(0)).dividedBy(newestFirst.size() - 1);
    }

    /**
     * @param consecutiveErrors errors in a row, including this one (1 for the first)
     * @param retryAfter        the server's Retry-After, or null
     */
    public Duration afterError(int consecutiveErrors, Duration retryAfter) {
        int doublings = Math.min(Math.max(consecutiveErrors - 1, 0), 30);
        long capMillis = maxBackoff.toMillis();
        long backoff = Math.min(capMillis, min.toMillis() << Math.min(doublings, 20));
        long half = backoff / 2;
        long jittered = half + (half > 0 ? random.nextLong(half + 1) : 0);
        Duration interval = Duration.ofMillis(Math.max(jittered, 1));
        return retryAfter == null ? interval : atLeast(interval, List.of(retryAfter));
    }

    /** The interval kept when nothing new was learned (304), raised to a floor if one is given. */
    public Duration unchanged(Duration current, Duration floor) {
        return floor == null ? current : atLeast(current, List.of(floor));
    }

    private Duration middle() {
        long geometric = (long) Math.sqrt((double) min.toMillis() * (double) max.toMillis());
        return clamp(Duration.ofMillis(geometric));
    }

    private Duration clamp(Duration d) {
        if (d.compareTo(min) < 0) {
            return min;
        }
        return d.compareTo(max) > 0 ? max : d;
    }

    private static Duration atLeast(Duration interval, Collection<Duration> floors) {
        Duration result = interval;
        for (Duration floor : floors) {
            if (floor == null) {
                continue;
            }
            Duration capped = floor.compareTo(MAX_FLOOR) > 0 ? MAX_FLOOR : floor;
            if (capped.compareTo(result) > 0) {
                result = capped;
            }
        }
        return result;
    }
}
