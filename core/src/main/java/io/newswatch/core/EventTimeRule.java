package io.newswatch.core;

import java.time.Duration;
import java.time.Instant;

/**
 * Chooses an article's event time: its publish time when present and plausible, else its fetch time.
 *
 * <p>Plausible means not later than fetch time plus {@code maxFutureSkew} (publishers' clocks and
 * time zones are often a little off, but an item from next week is a bug) and not earlier than fetch
 * time minus {@code maxAge} (a feed re-dating a 2009 article must not land in a 2009 bucket).
 * Every windowed computation downstream runs on this time, so a replay of stored topics sees the same
 * buckets as live.
 */
public record EventTimeRule(Duration maxFutureSkew, Duration maxAge) {

    public static final Duration DEFAULT_MAX_FUTURE_SKEW = Duration.ofMinutes(15);
    public static final Duration DEFAULT_MAX_AGE = Duration.ofDays(30);

    public EventTimeRule {
        if (maxFutureSkew.isNegative() || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("event-time skew must be >= 0 and max age > 0");
        }
    }

    public static EventTimeRule defaults() {
        return new EventTimeRule(DEFAULT_MAX_FUTURE_SKEW, DEFAULT_MAX_AGE);
    }

    public boolean isPlausible(Instant publishedAt, Instant fetchedAt) {
        return publishedAt != null
                && !publishedAt.isAfter(fetchedAt.plus(maxFutureSkew))
                && !publishedAt.isBefore(fetchedAt.minus(maxAge));
    }

    /** The chosen time and which one it was. */
    public record Choice(Instant eventTime, EventTimeSource source) {
    }

    public Choice choose(Instant publishedAt, Instant fetchedAt) {
        return isPlausible(publishedAt, fetchedAt)
                ? new Choice(publishedAt, EventTimeSource.PUBLISHED)
                : new Choice(fetchedAt, EventTimeSource.FETCHED);
    }
}
