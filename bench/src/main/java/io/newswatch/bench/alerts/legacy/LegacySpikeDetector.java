package io.newswatch.bench.alerts.legacy;

import io.newswatch.alerts.detect.AlertSummary;
import io.newswatch.alerts.detect.Hit;

import io.newswatch.core.Alert;
import io.newswatch.core.AlertStatus;
import io.newswatch.core.Watch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Spike detection for one watch, pure: articles and stream time in, lifecycle events out.
 * The maths and the order-independence argument are in docs/ALERTS.md; in short:
 *
 * <ul>
 *   <li>Articles are counted in event-time buckets; each source counts at most {@code sourceCap} per bucket.</li>
 *   <li>The expected count for bucket b is the smoothed rate (EWMA over the watch's own history, each
 *       bucket's contribution winsorized at {@code mu + 3 sqrt(mu) + 1} so earlier spikes do not inflate
 *       it) taken right after bucket {@code b - lag}, where lag is chosen so that bucket is always final
 *       when b is judged; never below {@code floorPerBucket}.</li>
 *   <li>score = -log10 P(X >= counted | expected), X Poisson.</li>
 *   <li>OPENED as soon as an open bucket reaches the sensitivity with enough articles and sources (and
 *       no cooldown); UPDATED when the score reaches the next escalation tier;
 *       RESOLVED at the close of the first later bucket whose final score is below {@code resolveScore};
 *       no new OPENED until {@code cooldown} after that bucket's end.</li>
 * </ul>
 *
 * <p>Instances are cheap and stateless apart from configuration; the state lives in {@link LegacyWatchState}.
 */
public final class LegacySpikeDetector {

    private final Watch watch;
    private final LegacyDetectorParams p;
    private final long bucketMs;
    private final long graceMs;

    public LegacySpikeDetector(Watch watch, LegacyDetectorParams params) {
        this.watch = watch;
        this.p = params;
        this.bucketMs = params.bucketMs();
        this.graceMs = params.grace().toMillis();
    }

    /** A state for this watch; also what an existing state is replaced by when the bucket width changed. */
    public LegacyWatchState newState() {
        return LegacyWatchState.fresh(bucketMs);
    }

    /** True when {@code state} was built for another bucket width and must be started over. */
    public boolean incompatible(LegacyWatchState state) {
        return state.bucketMs != bucketMs;
    }

    /**
     * Counts one matching article. {@code streamTimeMs} is the detector's stream time after this record
     * (the largest event time seen), which decides which buckets are final.
     *
     * @return lifecycle events caused by closing buckets and by this article, in order
     */
    public List<Alert> add(LegacyWatchState state, Hit hit, long streamTimeMs) {
        List<Alert> out = advance(state, streamTimeMs);
        long b = Math.floorDiv(hit.eventTime().toEpochMilli(), bucketMs);
        if (state.lastClosed == null) {
            start(state, Math.min(closable(streamTimeMs), b - 1));
        }
        if (b <= state.lastClosed) {
            state.lateArticles++;
            return out;
        }
        LegacyBucketTally tally = state.open.computeIfAbsent(b, k -> new LegacyBucketTally());
        if (!tally.add(hit)) {
            return out;
        }
        judgeOpenBucket(state, b, tally, streamTimeMs, out);
        return out;
    }

    /** Closes every bucket that stream time has made final; may RESOLVE the open alert. */
    public List<Alert> advance(LegacyWatchState state, long streamTimeMs) {
        List<Alert> out = new ArrayList<>();
        if (state.lastClosed == null) {
            return out;
        }
        long target = closable(streamTimeMs);
        while (state.lastClosed < target) {
            long next = state.lastClosed + 1;
            Map.Entry<Long, LegacyBucketTally> first = state.open.firstEntry();
            if (state.alertId == null && (first == null || first.getKey() > next)) {
                // Nothing to judge until the next non-empty bucket: skip the empty run in one step.
                long skipTo = first == null ? target : Math.min(target, first.getKey() - 1);
                state.lastClosed = skipTo;
                continue;
            }
            LegacyBucketTally tally = first != null && first.getKey() == next ? state.open.pollFirstEntry().getValue()
                    : new LegacyBucketTally();
            // A bucket's verdict carries the time it became final, not the clock that closed it: the same in every run.
            close(state, next, tally, (next + 1) * bucketMs + graceMs, out);
            state.lastClosed = next;
        }
        prune(state);
        return out;
    }

    /** Expected count for bucket b: the smoothed rate after bucket b - lag, never below the floor. */
    public double expected(LegacyWatchState state, long bucket) {
        return Math.max(p.floorPerBucket(), rateAfter(state, bucket - p.baselineLag()));
    }

    private void start(LegacyWatchState state, long lastClosed) {
        state.lastClosed = lastClosed;
        state.rates.put(lastClosed, 0.0);
    }

    private long closable(long streamTimeMs) {
        // Bucket j is final once stream time >= (j + 1) * bucket + grace.
        return Math.floorDiv(streamTimeMs - graceMs, bucketMs) - 1;
    }

    private void judgeOpenBucket(LegacyWatchState state, long b, LegacyBucketTally tally, long streamTimeMs, List<Alert> out) {
        Verdict v = verdict(state, b, tally);
        if (state.alertId == null) {
            if (v.crosses() && b * bucketMs >= state.cooldownUntilMs) {
                state.alertId = watch.id() + "@" + Instant.ofEpochMilli(b * bucketMs);
                state.openedBucket = b;
                state.tier = p.tier(v.score);
                out.add(alert(state, AlertStatus.OPENED, b, tally, v, streamTimeMs));
            }
        } else if (b >= state.openedBucket && v.passesGates() && p.tier(v.score) > state.tier) {
            state.tier = p.tier(v.score);
            out.add(alert(state, AlertStatus.UPDATED, b, tally, v, streamTimeMs));
        }
    }

    private void close(LegacyWatchState state, long b, LegacyBucketTally tally, long finalAtMs, List<Alert> out) {
        Verdict v = verdict(state, b, tally);
        if (state.alertId != null && b > state.openedBucket && v.score < p.resolveScore()) {
            out.add(alert(state, AlertStatus.RESOLVED, b, tally, v, finalAtMs));
            state.alertId = null;
            state.openedBucket = null;
            state.tier = 0;
            state.cooldownUntilMs = (b + 1) * bucketMs + p.cooldown().toMillis();
        }
        if (tally.articles() > 0) {
            double before = rateAfter(state, b - 1);
            double mu = Math.max(before, p.floorPerBucket());
            double winsorized = Math.min(v.counted, mu + 3 * Math.sqrt(mu) + 1);
            state.rates.put(b, before + p.alpha() * (winsorized - before));
        }
    }

    /** Smoothed rate right after bucket j (j must be final): last entry at or before j, decayed per empty bucket. */
    private double rateAfter(LegacyWatchState state, long j) {
        Map.Entry<Long, Double> e = state.rates.floorEntry(j);
        if (e == null) {
            return 0.0;
        }
        long emptyBuckets = j - e.getKey();
        return emptyBuckets == 0 ? e.getValue() : e.getValue() * Math.pow(1 - p.alpha(), emptyBuckets);
    }

    /** Keeps only the rate entries a future judgement can still ask for. */
    private void prune(LegacyWatchState state) {
        long oldestNeeded = state.lastClosed + 1 - p.baselineLag();
        Long keep = state.rates.floorKey(oldestNeeded);
        if (keep != null) {
            state.rates.headMap(keep, false).clear();
        }
    }

    private record Verdict(long observed, long counted, double expected, double score, int sources, int stories,
                           boolean passesGates, boolean crosses) {
    }

    private Verdict verdict(LegacyWatchState state, long b, LegacyBucketTally tally) {
        long counted = tally.counted(p.sourceCap());
        double expected = expected(state, b);
        double score = LegacyPoissonTail.score(counted, expected);
        boolean gates = counted >= p.minArticles() && tally.distinctSources() >= p.minSources();
        return new Verdict(tally.articles(), counted, expected, score, tally.distinctSources(), tally.distinctStories(),
                gates, gates && score >= p.sensitivity());
    }

    private Alert alert(LegacyWatchState state, AlertStatus status, long b, LegacyBucketTally tally, Verdict v, long streamTimeMs) {
        Instant start = Instant.ofEpochMilli(b * bucketMs);
        Instant end = Instant.ofEpochMilli((b + 1) * bucketMs);
        var evidence = tally.evidence(p.topArticles());
        String summary = AlertSummary.line(watch, status, start, p.bucket(), v.observed, v.expected, v.score, v.sources,
                evidence);
        return new Alert(Alert.SCHEMA_VERSION, state.alertId, watch.id(), watch.description(), status, start, end,
                v.observed, v.counted, round(v.expected), round(v.score), v.sources, v.stories, evidence, summary,
                Instant.ofEpochMilli(streamTimeMs));
    }

    private static double round(double x) {
        return Math.round(x * 1000.0) / 1000.0;
    }
}
