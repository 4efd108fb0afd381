package io.newswatch.alerts.detect;

import io.newswatch.core.Alert;
import io.newswatch.core.AlertArticle;
import io.newswatch.core.AlertStatus;
import io.newswatch.core.LearnedBaseline;
import io.newswatch.core.Watch;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.function.Function;

/**
 * Spike detection for one watch, pure: articles, stream volume and event time in, lifecycle events out. The maths and
 * its reasons are in docs/ALERTS.md; in short, each time a bucket becomes final:
 *
 * <ul>
 *   <li>every window (10m, 2h, 6h, 1d by default, each ending with the bucket) sums the watch's counted stories;</li>
 *   <li>its expected count is the watch's baseline share of the stream times the stream's volume in the same window
 *       (so the daily and weekly rhythm of news and any general surge of arrivals are in the expectation), never
 *       below a floor; the share is learned from the buckets older than the longest window, each winsorized so an
 *       earlier spike does not inflate it;</li>
 *   <li>score = -log10 P(X >= counted) with X negative binomial (overdispersed: a busy subject's ordinary swings are
 *       not news);</li>
 *   <li>one alert per watch, whatever the scale: OPENED when a window reaches the sensitivity with enough articles and
 *       sources (after the cooldown; a young watch only on its shortest window); UPDATED when the score reaches the next tier, at most
 *       once per {@code updateEvery}; RESOLVED once every window has stayed below the resolve score for {@code quietFor}.</li>
 * </ul>
 *
 * <p>Instances are cheap and hold only configuration; state lives in {@link WatchHistory} and {@link OpenBuckets}.
 * The caller hands over articles in event-time order and declares stream volume final ({@link StreamVolume}) before
 * the buckets that need it close: then every result is a function of the input alone, whatever its arrival.
 */
public final class SpikeDetector {

    private static final long DAY_MS = Duration.ofDays(1).toMillis();

    private final Watch watch;
    private final DetectorParams p;
    private final long bucketMs;
    private final long longestMs;
    private final long tauMs;

    public SpikeDetector(Watch watch, DetectorParams params) {
        this.watch = watch;
        this.p = params;
        this.bucketMs = params.bucketMs();
        this.longestMs = params.longestMs();
        this.tauMs = params.baseline().toMillis();
    }

    /**
     * A history for this watch, made at its first matching article ({@code firstHitMs}). It starts where the stream's
     * volume does when that is earlier and still retained, else at the article's bucket: a function of the input
     * alone (the merge hands over hits and volume reports in one order in every run), never of when a watermark came.
     */
    public WatchHistory newHistory(StreamVolume volume, long firstHitMs) {
        volume.track(p.baseline());
        // From the stream's first slot when the watch's first article comes within the volume's retention of it (a watch
        // present from the start); a rule on event times only, never on what happens to be retained.
        long first = volume.firstSlotStartMs();
        long from = first < firstHitMs && firstHitMs - first <= volume.retentionMs() ? first : firstHitMs;
        long lastClosed = Math.floorDiv(from, bucketMs) - 1;
        // The baseline starts where the watch does: no bucket before it is ever folded, and G before it is subtracted.
        long start = (lastClosed + 1) * bucketMs;
        WatchHistory h = WatchHistory.start(p, lastClosed, start, volume.decayedTotalAt(start, p.baseline()));
        LearnedBaseline learned = watch.learned();
        // A learned baseline counts only when this history starts after what it learned from: live, a watch added with
        // `watch add`. A replay of the stored history starts before it and learns from the stream itself, as it never
        // sees its own future. What lies between asOf and the start is in neither part, stories nor volume: no bias.
        if (learned != null && learned.baseline().equals(p.baseline()) && learned.asOf().toEpochMilli() <= start) {
            long asOf = learned.asOf().toEpochMilli();
            h.baselineCount = learned.stories() * StreamVolume.decay(start - asOf, tauMs);
            h.priorTotal = learned.volume();
            h.priorAtMs = asOf;
            h.priorSinceMs = learned.since().toEpochMilli();
        }
        return h;
    }

    /**
     * What {@code h} has learned by now, as a baseline a new watch of the same definition may start from (see
     * {@link LearnedBaseline}): its folded part only, up to the fold point of its newest closed bucket.
     */
    public LearnedBaseline learned(WatchHistory h, StreamVolume volume) {
        long fold = (h.lastClosed + 1) * bucketMs - longestMs;
        long since = Math.min(h.startFoldMs, h.priorSinceMs);
        if (fold <= since) {
            return null;
        }
        return new LearnedBaseline(p.baseline(), baselineCount(h, fold), baselineTotal(h, volume, fold), Instant.ofEpochMilli(since),
                Instant.ofEpochMilli(fold));
    }

    /** True when {@code history} was built for other parameters and must be started over. */
    public boolean incompatible(WatchHistory history) {
        return !history.fits(p);
    }

    /**
     * Counts one matching article, after closing every bucket before its own (articles come in event-time order).
     *
     * @return lifecycle events of the buckets this article closed
     */
    public List<Alert> add(WatchHistory h, OpenBuckets open, StreamVolume volume, Hit hit) {
        long t = hit.eventTime().toEpochMilli();
        List<Alert> out = advance(h, open, volume, t);
        long b = Math.floorDiv(t, bucketMs);
        if (b <= h.lastClosed) {
            open.lateArticles++;
            return out;
        }
        open.tallies.computeIfAbsent(b, k -> new BucketTally()).add(hit, h.storySeen(BucketTally.storyKey(hit)));
        return out;
    }

    /** Closes every bucket that ends at or before {@code streamTimeMs}, in order. */
    public List<Alert> advance(WatchHistory h, OpenBuckets open, StreamVolume volume, long streamTimeMs) {
        List<Alert> out = new ArrayList<>();
        long target = Math.floorDiv(streamTimeMs, bucketMs) - 1;
        while (h.lastClosed < target) {
            long next = h.lastClosed + 1;
            Map.Entry<Long, BucketTally> first = open.tallies.firstEntry();
            if (h.dormant() && (first == null || first.getKey() > next)) {
                // Nothing in any window and no alert: an empty bucket cannot change anything, so skip the run in one step.
                h.lastClosed = first == null ? target : Math.min(target, first.getKey() - 1);
                continue;
            }
            BucketTally tally = first != null && first.getKey() == next ? open.tallies.pollFirstEntry().getValue() : null;
            close(h, next, tally, volume, out);
            h.lastClosed = next;
        }
        return out;
    }

    private void close(WatchHistory h, long b, BucketTally tally, StreamVolume volume, List<Alert> out) {
        long end = (b + 1) * bucketMs;
        if (tally != null) {
            h.recent.put(b, tally.close(p.sourceCap(), p.topArticles()));
        }
        long fold = end - longestMs;
        foldInto(h, volume, fold);
        double share = share(h, volume, fold);
        // The baseline is itself uncertain while it rests on few stories: its predictive distribution has the extra
        // variance of a Gamma-distributed rate learned from them (a pseudo-count of one), so a young watch needs more
        // evidence and a watch with months of history is judged on the process's own dispersion alone.
        double dispersion = p.dispersion() + 1.0 / (baselineCount(h, fold) + 1.0);
        Window decisive = null;
        boolean hot = false;
        for (Duration scale : p.scales()) {
            Window w = window(h, volume, share, dispersion, end - scale.toMillis(), end);
            hot |= w.score >= p.resolveScore();
            if (w.score >= p.resolveScore() && (decisive == null || w.score > decisive.score) && passesGates(h, w)) {
                decisive = w;
            }
        }
        if (h.alertId == null) {
            // While the baseline rests on less than the warm-up, only the shortest window (a burst) may open an alert: a
            // young watch does not know yet what a day of its subject looks like.
            if (fold - Math.min(h.startFoldMs, h.priorSinceMs) < p.warmUp().toMillis() && decisive != null
                    && decisive.endMs - decisive.startMs > bucketMs) {
                decisive = shortestIfCrossing(h, volume, share, dispersion, end);
            }
            if (decisive != null && decisive.score >= p.sensitivity() && b * bucketMs >= h.cooldownUntilMs) {
                h.alertId = watch.id() + "@" + Instant.ofEpochMilli(b * bucketMs);
                h.openedBucket = b;
                h.lastHotBucket = b;
                h.lastEventBucket = b;
                h.tier = p.tier(decisive.score);
                out.add(alert(h, AlertStatus.OPENED, decisive));
            }
            return;
        }
        if (hot) {
            h.lastHotBucket = b;
        }
        if (decisive != null && p.tier(decisive.score) > h.tier && (b - h.lastEventBucket) * bucketMs >= p.updateEvery().toMillis()) {
            h.tier = p.tier(decisive.score);
            h.lastEventBucket = b;
            out.add(alert(h, AlertStatus.UPDATED, decisive));
        } else if ((b - h.lastHotBucket) * bucketMs >= p.quietFor().toMillis()) {
            out.add(alert(h, AlertStatus.RESOLVED, window(h, volume, share, dispersion, end - bucketMs, end)));
            h.alertId = null;
            h.tier = 0;
            h.cooldownUntilMs = end + p.cooldown().toMillis();
        }
    }

    private Window shortestIfCrossing(WatchHistory h, StreamVolume volume, double share, double dispersion, long end) {
        Window w = window(h, volume, share, dispersion, end - bucketMs, end);
        return w.score >= p.sensitivity() && passesGates(h, w) ? w : null;
    }

    /**
     * Moves the buckets that left the longest window into the baseline, each capped near what the baseline expected of
     * it (winsorized), so a spike raises the baseline a little and a lasting change of level is learned within days.
     */
    private void foldInto(WatchHistory h, StreamVolume volume, long foldMs) {
        NavigableMap<Long, ClosedBucket> leaving = h.recent.headMap(Math.floorDiv(foldMs, bucketMs), false);
        for (Map.Entry<Long, ClosedBucket> e : leaving.entrySet()) {
            long start = e.getKey() * bucketMs;
            long end = start + bucketMs;
            double mu = share(h, volume, end) * volume.articles(start, end);
            double cap = mu + 3 * Math.sqrt(mu + p.dispersion() * mu * mu) + 1;
            h.baselineCount = h.baselineCount * StreamVolume.decay(end - h.baselineAtMs, tauMs) + Math.min(e.getValue().counted(), cap);
            h.baselineAtMs = end;
        }
        leaving.clear();
    }

    /** The decayed count of stories the baseline rests on, at fold time {@code atMs}. */
    private double baselineCount(WatchHistory h, long atMs) {
        return h.baselineCount * StreamVolume.decay(atMs - h.baselineAtMs, tauMs);
    }

    /** The baseline share at fold time {@code atMs}: decayed counted stories over decayed stream volume. */
    private double share(WatchHistory h, StreamVolume volume, long atMs) {
        double count = baselineCount(h, atMs);
        double total = baselineTotal(h, volume, atMs);
        return total >= 1 ? count / total : 0.0;
    }

    /** The decayed stream volume the baseline rests on at fold time {@code atMs}: the watch's own time plus a learned part. */
    private double baselineTotal(WatchHistory h, StreamVolume volume, long atMs) {
        double own = volume.decayedTotalAt(atMs, p.baseline()) - StreamVolume.decay(atMs - h.startFoldMs, tauMs) * h.startTotal;
        double learned = h.priorTotal == 0 ? 0.0 : h.priorTotal * StreamVolume.decay(atMs - h.priorAtMs, tauMs);
        return Math.max(0.0, own) + learned;
    }

    /** One window's figures; what an alert reports. */
    private record Window(long startMs, long endMs, long articles, long counted, double expected, double score) {
    }

    private Window window(WatchHistory h, StreamVolume volume, double share, double dispersion, long startMs, long endMs) {
        long articles = 0;
        long counted = 0;
        for (ClosedBucket c : inWindow(h, startMs, endMs)) {
            articles += c.articles();
            counted += c.counted();
        }
        double expected = Math.max(share * volume.articles(startMs, endMs), p.floor(endMs - startMs));
        // Short windows get more chances a day to look surprising: a window of length L is judged about day/L times a
        // day, so its tail probability is scaled by that many tries. The score then means the same at every scale:
        // -log10 of how often per day a window this surprising turns up by chance.
        double tries = Math.log10(Math.max(1.0, DAY_MS / (double) (endMs - startMs)));
        double score = Math.max(0.0, NegativeBinomialTail.score(counted, expected, dispersion) - tries);
        return new Window(startMs, endMs, articles, counted, expected, score);
    }

    private Iterable<ClosedBucket> inWindow(WatchHistory h, long startMs, long endMs) {
        return h.recent.subMap(Math.floorDiv(startMs, bucketMs), true, Math.floorDiv(endMs, bucketMs) - 1, true).values();
    }

    private boolean passesGates(WatchHistory h, Window w) {
        return w.counted >= p.minArticles() && distinct(h, w, ClosedBucket::sources) >= p.minSources();
    }

    private int distinct(WatchHistory h, Window w, Function<ClosedBucket, IdHashes> ids) {
        IdHashes union = new IdHashes();
        for (ClosedBucket c : inWindow(h, w.startMs, w.endMs)) {
            union.addAll(ids.apply(c));
        }
        return union.size();
    }

    private Alert alert(WatchHistory h, AlertStatus status, Window w) {
        Instant start = Instant.ofEpochMilli(w.startMs);
        Instant end = Instant.ofEpochMilli(w.endMs);
        List<AlertArticle> evidence = evidence(h, w);
        int sources = distinct(h, w, ClosedBucket::sources);
        String summary = AlertSummary.line(watch, status, start, Duration.ofMillis(w.endMs - w.startMs), w.articles, w.expected,
                w.score, sources, evidence);
        return new Alert(Alert.SCHEMA_VERSION, h.alertId, watch.id(), watch.description(), status, start, end, w.articles, w.counted,
                round(w.expected), round(w.score), sources, distinct(h, w, ClosedBucket::stories), evidence, summary, end);
    }

    /** The window's newest articles first (the surge, not the quiet hours before it), one per source, then by time. */
    private List<AlertArticle> evidence(WatchHistory h, Window w) {
        List<AlertArticle> picked = new ArrayList<>();
        Set<String> sources = new HashSet<>();
        for (ClosedBucket c : h.recent.subMap(Math.floorDiv(w.startMs, bucketMs), true, Math.floorDiv(w.endMs, bucketMs) - 1, true)
                .descendingMap().values()) {
            for (AlertArticle a : c.evidence()) {
                if (picked.size() < p.topArticles() && sources.add(a.source())) {
                    picked.add(a);
                }
            }
        }
        picked.sort(Comparator.comparing(AlertArticle::eventTime).thenComparing(AlertArticle::id));
        return picked;
    }

    private static double round(double x) {
        return Math.round(x * 1000.0) / 1000.0;
    }
}
