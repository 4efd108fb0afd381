package io.newswatch.ingest.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When a feed's first poll in this process is due: at its saved due time, when it has one still ahead; else somewhere
 * within a spread, so feeds started together do not all poll at once.
 */
public final class FirstPoll {

    /** The first polls of the feeds started at once are spread over up to this long. */
    private static final Duration MAX_SPREAD = Duration.ofSeconds(5);

    private FirstPoll() {
    }

    /** The spread for the first polls of {@code feeds} feeds started together. */
    public static Duration spread(int feeds) {
        return Duration.ofMillis(Math.min(MAX_SPREAD.toMillis(), 100L * feeds));
    }

    /** The wait before the first poll: until {@code savedNextPollAt} when it is after {@code now}, else a random point in {@code spread}. */
    public static Duration delay(Instant savedNextPollAt, Duration spread, Instant now) {
        if (savedNextPollAt != null && savedNextPollAt.isAfter(now)) {
            return Duration.between(now, savedNextPollAt);
        }
        return spread.isZero() ? Duration.ZERO : Duration.ofMillis(ThreadLocalRandom.current().nextLong(spread.toMillis() + 1));
    }
}
