package io.newswatch.alerts.detect;

import java.time.Duration;
import java.util.List;
import java.util.TreeSet;

/**
 * Everything the detector needs to judge one watch: the watch's own settings (validated and defaulted) plus the
 * pipeline-wide tuning. The maths they feed is in docs/ALERTS.md.
 *
 * @param bucket          width of the event-time bucket: the shortest time scale, and how often the watch is judged
 * @param scales          the windows a watch's coverage is judged over, shortest first: each a multiple of the bucket,
 *                        the first equal to it (10m, 2h, 6h, 1d by default)
 * @param baseline        mean age of the history the baseline share is learned from (an exponential average)
 * @param warmUp          until the baseline rests on this much history, only the shortest window may open an alert
 * @param sensitivity     score at which an alert opens
 * @param resolveScore    coverage counts as back near baseline while every scale scores below this
 * @param quietFor        how long coverage must stay near baseline before an alert resolves
 * @param updateEvery     fewest event time between two lifecycle events of one alert (OPENED, UPDATED)
 * @param minArticles     fewest counted articles in the window before it may open an alert
 * @param minSources      fewest distinct sources in the window before it may open an alert
 * @param cooldown        event time after RESOLVED before the watch may open again
 * @param floorPerDay     the expected count never goes below this rate: a first mention after silence is judged
 *                        against it, not against zero
 * @param dispersion      extra variance of counts ({@code var = mu + k mu^2}): a busy subject's ordinary swings
 * @param sourceCap       at most this many stories per source count in a bucket
 * @param escalation      an open alert is UPDATED each time its score reaches the next tier,
 *                        {@code sensitivity * escalation^k}, at most once per {@code updateEvery}
 * @param topArticles     how many articles an alert cites
 */
public record DetectorParams(
        Duration bucket,
        List<Duration> scales,
        Duration baseline,
        Duration warmUp,
        double sensitivity,
        double resolveScore,
        Duration quietFor,
        Duration updateEvery,
        int minArticles,
        int minSources,
        Duration cooldown,
        double floorPerDay,
        double dispersion,
        int sourceCap,
        double escalation,
        int topArticles) {

    private static final double DAY_MS = Duration.ofDays(1).toMillis();

    public DetectorParams {
        if (bucket.toMillis() <= 0 || bucket.toMillis() % StreamVolume.SLOT_MS != 0) {
            throw new IllegalArgumentException("bucket must be a positive multiple of " + Duration.ofMillis(StreamVolume.SLOT_MS)
                    + ", got " + bucket);
        }
        scales = List.copyOf(scales);
        if (scales.isEmpty() || !scales.getFirst().equals(bucket)) {
            throw new IllegalArgumentException("the first scale must be the bucket (" + bucket + "), got " + scales);
        }
        for (int i = 1; i < scales.size(); i++) {
            if (scales.get(i).toMillis() % bucket.toMillis() != 0 || scales.get(i).compareTo(scales.get(i - 1)) <= 0) {
                throw new IllegalArgumentException("scales must be increasing multiples of the bucket, got " + scales);
            }
        }
        if (minArticles < 1 || minSources < 1 || sourceCap < 1 || topArticles < 0) {
            throw new IllegalArgumentException("minimums and source cap must be >= 1");
        }
        if (!(floorPerDay > 0) || !(dispersion > 0) || !(sensitivity > 0) || resolveScore < 0 || resolveScore >= sensitivity
                || escalation <= 1) {
            throw new IllegalArgumentException(
                    "need floor > 0, dispersion > 0, sensitivity > 0, 0 <= resolve score < sensitivity, escalation > 1");
        }
        if (baseline.toMillis() <= 0 || warmUp.isNegative() || quietFor.isNegative() || updateEvery.isNegative() || cooldown.isNegative()) {
            throw new IllegalArgumentException("baseline must be positive; warm-up, quiet time, update interval and cooldown >= 0");
        }
    }

    /**
     * The time scales the defaults ask for that fit a watch with this bucket: the bucket itself, then every longer
     * scale rounded down to a multiple of it.
     */
    public static List<Duration> scalesFor(Duration bucket, List<Duration> wanted) {
        TreeSet<Duration> out = new TreeSet<>();
        out.add(bucket);
        for (Duration d : wanted) {
            long multiple = d.toMillis() / bucket.toMillis();
            if (multiple > 1) {
                out.add(bucket.multipliedBy(multiple));
            }
        }
        return List.copyOf(out);
    }

    /** 0 for a score at the sensitivity, 1 at sensitivity * escalation, and so on; -1 below the sensitivity. */
    int tier(double score) {
        return score < sensitivity ? -1 : (int) Math.floor(Math.log(score / sensitivity) / Math.log(escalation) + 1e-9);
    }

    long bucketMs() {
        return bucket.toMillis();
    }

    long longestMs() {
        return scales.getLast().toMillis();
    }

    /** The floor of the expected count over a window of this length. */
    double floor(long windowMs) {
        return floorPerDay * windowMs / DAY_MS;
    }
}
