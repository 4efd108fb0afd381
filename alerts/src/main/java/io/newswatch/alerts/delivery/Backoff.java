package io.newswatch.alerts.delivery;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter: before attempt n+1 wait {@code min(max, initial * 2^(n-1))}, scaled by
 * a random factor in [0.5, 1). The jitter keeps many dispatchers that failed together from retrying in step.
 */
public record Backoff(Duration initial, Duration max) {

    public Duration delayAfter(int failedAttempts, RandomGenerator random) {
        long base = initial.toMillis();
        int shift = Math.min(Math.max(failedAttempts - 1, 0), 30);
        long capped = Math.min(max.toMillis(), base << shift);
        if (capped <= 0) {
            return Duration.ZERO;
        }
        return Duration.ofMillis((long) (capped * (0.5 + random.nextDouble() * 0.5)));
    }
}
