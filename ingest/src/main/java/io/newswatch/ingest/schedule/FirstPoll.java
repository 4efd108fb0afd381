package io.newswatch.ingest.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When a feed's first poll in this process is due: at its saved due time, when it has one still ahead; else at a random
 * point within a spread, so feeds started together do not all poll at once. The spread gives each feed its phase in the
 * interval, which the scheduler then keeps (and the saved due time carries across restarts and moves): many feeds
 * started together are spread over a whole interval, so an instance polls at an even rate from its first minute,
 * instead of every feed at once and again at every interval. A few feeds start within a few seconds.
 */
public final class FirstPoll {

    /** Per feed started together, up to the interval: 10 first polls a second at most, for feeds without a due time. */
    private static final Duration PER_FEED = Duration.ofMillis(100);

    private FirstPoll() {
    }

    /**
     * The spread for the first polls of {@code starting} feeds without a due time ahead, among {@code total} feeds started
     * together: 100 ms per such feed, and at most their share of {@code interval} (the shortest interval a feed can have).
     * Ten new feeds start within a second; 30,000 new ones are spread over the whole interval; the 300 of 30,000 whose
     * due time passed during a restart of a few seconds are spread over their share (1.2 s at 2 minutes), not over the
     * whole interval, which would put them up to an interval late.
     */
    public static Duration spread(int starting, int total, Duration interval) {
        Duration perFeed = PER_FEED.multipliedBy(starting);
        Duration share = total <= 0 ? Duration.ZERO : interval.multipliedBy(starting).dividedBy(total);
        return perFeed.compareTo(share) < 0 ? perFeed : share;
    }

    /** The wait before the first poll: until {@code savedNextPollAt} when it is after {@code now}, else a random point in the spread. */
    public static Duration delay(Instant savedNextPollAt, Duration spread, Instant now) {
        if (savedNextPollAt != null && savedNextPollAt.isAfter(now)) {
            return Duration.between(now, savedNextPollAt);
        }
        return spread.isZero() ? Duration.ZERO : Duration.ofMillis(ThreadLocalRandom.current().nextLong(spread.toMillis() + 1));
    }
}
