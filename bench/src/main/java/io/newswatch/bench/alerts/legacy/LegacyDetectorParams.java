package io.newswatch.bench.alerts.legacy;


import java.time.Duration;

/**
 * Everything the detector needs to judge one watch: the watch's own sensitivity (already validated and
 * defaulted) plus the pipeline-wide tuning.
 *
 * @param bucket           width of an event-time bucket
 * @param baselineBuckets  how many buckets of history the baseline averages over (sets the EWMA weight)
 * @param sensitivity      score at which an alert opens
 * @param minArticles      fewest counted articles (after the per-source cap) before an alert
 * @param minSources       fewest distinct sources before an alert
 * @param cooldown         event time after RESOLVED before the watch may OPEN again
 * @param grace            how long after a bucket ends late articles are still counted in it
 * @param floorPerBucket   the expected count never goes below this (a first mention after silence is
 *                         judged against this, not against zero)
 * @param sourceCap        at most this many articles per source count towards the score in a bucket
 * @param resolveScore     an alert resolves on the first closed bucket after it opened whose score is below this
 * @param escalation       an open alert is UPDATED each time its score reaches the next tier,
 *                         {@code sensitivity * escalation^k} (so 6, 12, 24, 48... with the defaults): a
 *                         handful of updates for even the largest story, not one per article
 * @param topArticles      how many articles an alert cites
 */
public record LegacyDetectorParams(
        Duration bucket,
        int baselineBuckets,
        double sensitivity,
        int minArticles,
        int minSources,
        Duration cooldown,
        Duration grace,
        double floorPerBucket,
        int sourceCap,
        double resolveScore,
        double escalation,
        int topArticles) {

    public LegacyDetectorParams {
        if (bucket.toMillis() <= 0) {
            throw new IllegalArgumentException("bucket must be positive");
        }
        if (baselineBuckets < 1 || minArticles < 1 || minSources < 1 || sourceCap < 1 || topArticles < 0) {
            throw new IllegalArgumentException("baseline buckets, minimums and source cap must be >= 1");
        }
        if (!(floorPerBucket > 0) || !(sensitivity > 0) || resolveScore < 0 || resolveScore >= sensitivity || escalation <= 1) {
            throw new IllegalArgumentException("need floor > 0, sensitivity > 0, 0 <= resolve score < sensitivity, escalation > 1");
        }
        if (grace.isNegative() || cooldown.isNegative()) {
            throw new IllegalArgumentException("grace and cooldown must be >= 0");
        }
    }

    /** 0 for a score at the sensitivity, 1 at sensitivity * escalation, and so on. */
    int tier(double score) {
        return score < sensitivity ? -1 : (int) Math.floor(Math.log(score / sensitivity) / Math.log(escalation) + 1e-9);
    }

    long bucketMs() {
        return bucket.toMillis();
    }

    /** EWMA weight with the same centre of mass as a plain mean over {@link #baselineBuckets}. */
    double alpha() {
        return 2.0 / (baselineBuckets + 1.0);
    }

    /**
     * How many buckets back the baseline for bucket b is taken from: the newest bucket that is always
     * closed (final) whenever any article of b can still arrive. With no grace that is b-1.
     */
    int baselineLag() {
        long bucketMs = bucketMs();
        return 1 + (int) ((grace.toMillis() + bucketMs - 1) / bucketMs);
    }
}
