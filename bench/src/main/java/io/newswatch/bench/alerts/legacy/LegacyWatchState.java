package io.newswatch.bench.alerts.legacy;


import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.util.TreeMap;

/**
 * The detector's memory for one watch, stored in a Kafka Streams state store (JSON) between records.
 * Buckets are numbered {@code floor(epochMillis / bucketMillis)}.
 *
 * <ul>
 *   <li>{@code lastClosed}: newest bucket that is final (stream time passed its end plus grace);
 *       articles for it or older are too late and are only counted in {@code lateArticles}.</li>
 *   <li>{@code rates}: the smoothed rate (EWMA, articles per bucket) right after each recently closed
 *       non-empty bucket. Between two entries every bucket was empty, so the rate after any closed
 *       bucket is the entry at or before it, decayed once per empty bucket since.</li>
 *   <li>{@code open}: tallies of buckets that are not final yet.</li>
 *   <li>the lifecycle of the current alert, if any, and the cooldown.</li>
 * </ul>
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
public final class LegacyWatchState {

    /** Bucket width the state was built with; a watch whose bucket changes starts over. */
    long bucketMs;
    Long lastClosed;
    TreeMap<Long, Double> rates = new TreeMap<>();
    TreeMap<Long, LegacyBucketTally> open = new TreeMap<>();
    long lateArticles;

    String alertId;
    Long openedBucket;
    int tier;
    long cooldownUntilMs = Long.MIN_VALUE;

    public LegacyWatchState() {
    }

    public static LegacyWatchState fresh(long bucketMs) {
        LegacyWatchState s = new LegacyWatchState();
        s.bucketMs = bucketMs;
        return s;
    }

    public long bucketMs() {
        return bucketMs;
    }

    /** Articles that arrived after their bucket was final (beyond the grace period). */
    public long lateArticles() {
        return lateArticles;
    }

    /** Newest final bucket (index), or null before the first article. */
    public Long lastClosedBucket() {
        return lastClosed;
    }

}
