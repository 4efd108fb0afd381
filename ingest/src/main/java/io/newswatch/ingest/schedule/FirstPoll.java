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
     * The spread for the first polls of {@code feeds} feeds started together: 100 ms per feed, at most {@code interval}
     * (the shortest interval a feed can have): 10 feeds start within a second, 1,200 or more over the whole interval.
     */
    public static Duration spread(int feeds, Duration interval) {
        Duration perFeed = PER_FEED.multipliedBy(feeds);
        return perFeed.compareTo(interval) < 0 ? perFeed : interval;
    }

    /** The wait before the first poll: until {@code savedNextPollAt} when it is after {@code now}, else a random point in {@code spread}. */
    public static Duration delay(Instant savedNextPollAt, Duration spread, Instant now) {
        if (savedNextPollAt != null && savedNextPollAt.isAfter(now)) {
            return Duration.between(now, savedNextPollAt);
        }
        return spread.isZero() ? Duration.ZERO : Duration.ofMillis(ThreadLocalRandom.current().nextLong(spread.toMillis() + 1));
    }
}
