package io.newswatch.alerts.detect;

import io.newswatch.core.Alert;
import io.newswatch.core.LearnedBaseline;
import io.newswatch.core.Watch;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The detectors of a set of watches run in memory over a stream given in event-time order: what a backtest of a watch
 * that is not live yet ({@code newswatch watch test}) and the detector's evaluation run. The same detector as the
 * alerts stage, fed the same way: every article counts towards the stream's volume, matching ones towards their
 * watches, and buckets close as event time passes them.
 */
public final class InMemoryDetection {

    /** Every watch's buckets are closed when event time crosses a multiple of this, as in the alerts stage. */
    private static final long CLOSE_STEP_MS = StreamVolume.SLOT_MS;

    private record Detecting(SpikeDetector detector, WatchHistory history, OpenBuckets open) {
    }

    private final Map<String, SpikeDetector> detectors = new LinkedHashMap<>();
    private final StreamVolume volume;
    private final Map<String, Detecting> detecting = new LinkedHashMap<>();
    private long newestMs = Long.MIN_VALUE;
    private long lateArticles;

    /**
     * As the alerts stage builds its detection; {@code AlertsSettings.inMemoryDetection} gives the arguments.
     *
     * @param detectorParams   the detector parameters of a validated watch
     * @param volumeRetention  how long the stream's volume per slot is kept
     * @param baseline         the default baseline, for the stream's volume
     * @param validatedWatches watches with every field filled (see WatchValidator)
     */
    public InMemoryDetection(Function<Watch, DetectorParams> detectorParams, Duration volumeRetention, Duration baseline,
                             List<Watch> validatedWatches) {
        validatedWatches.forEach(w -> detectors.put(w.id(), new SpikeDetector(w, detectorParams.apply(w))));
        this.volume = new StreamVolume(volumeRetention, baseline);
    }

    /**
     * One article of the stream, matched or not (a watch is judged on its share of all coverage). Articles must come in
     * event-time order; one older than the newest so far is counted as late and ignored.
     *
     * @param hit             the article
     * @param matchedWatchIds the watches it matched (may be empty)
     * @return lifecycle events of the buckets that closed before this article
     */
    public List<Alert> article(Hit hit, Collection<String> matchedWatchIds) {
        long t = hit.eventTime().toEpochMilli();
        if (t < newestMs) {
            lateArticles++;
            return List.of();
        }
        List<Alert> out = new ArrayList<>();
        if (newestMs == Long.MIN_VALUE || Math.floorDiv(t, CLOSE_STEP_MS) > Math.floorDiv(newestMs, CLOSE_STEP_MS)) {
            out.addAll(advance(t));
        }
        newestMs = t;
        volume.add(StreamVolume.slotOf(t), 1);
        for (String id : matchedWatchIds) {
            Detecting d = detecting.get(id);
            if (d == null && detectors.containsKey(id)) {
                // A watch's history begins at its first article, as in the alerts stage.
                SpikeDetector detector = detectors.get(id);
                d = new Detecting(detector, detector.newHistory(volume, t), new OpenBuckets());
                detecting.put(id, d);
            }
            if (d != null) {
                out.addAll(d.detector().add(d.history(), d.open(), volume, hit));
            }
        }
        return out;
    }

    /** Closes every bucket that ends by {@code until}: the end of the history. */
    public List<Alert> finish(Instant until) {
        long t = Math.max(newestMs, until.toEpochMilli());
        newestMs = t;
        return advance(t);
    }

    /**
     * What the watch's detector has learned so far, for a watch that is about to go live ({@code watch add}); empty when the
     * watch matched nothing yet or its history is shorter than its longest window.
     */
    public Optional<LearnedBaseline> learned(String watchId) {
        Detecting d = detecting.get(watchId);
        return d == null ? Optional.empty() : Optional.ofNullable(d.detector().learned(d.history(), volume));
    }

    /** Articles that came out of event-time order. */
    public long lateArticles() {
        return lateArticles;
    }

    private List<Alert> advance(long t) {
        volume.finalizeThrough(t);
        List<Alert> out = new ArrayList<>();
        for (Detecting d : detecting.values()) {
            out.addAll(d.detector().advance(d.history(), d.open(), volume, t));
        }
        volume.prune(t);
        volume.changedPages().clear(); // kept for a store's writer; nothing stores this volume, so nothing piles up
        out.sort(Comparator.comparing(Alert::eventTime));
        return out;
    }
}
