package io.newswatch.alerts.detect;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.util.TreeMap;

/**
 * A watch's detector memory apart from open buckets, stored in a Kafka Streams state store ({@link WatchHistorySerde}) and
 * rewritten only when a bucket closes. Buckets are numbered {@code floor(epochMillis / bucketMillis)}.
 *
 * <ul>
 *   <li>{@code recent}: the non-empty final buckets inside the longest window, which the windows are summed from;</li>
 *   <li>the baseline: {@code baselineCount} is the exponentially decayed sum of the (winsorized) counts of the buckets
 *       that left the longest window, valid at {@code baselineAtMs}; the matching sum of the whole stream's volume is
 *       {@code G(F) - decay(F - startFoldMs) * startTotal} (see {@link StreamVolume}), so the baseline share is their
 *       ratio; a baseline learned from stored history adds its own decayed counts ({@code priorTotal});</li>
 *   <li>the lifecycle of the current alert, if any, and the cooldown.</li>
 * </ul>
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
public final class WatchHistory {

    /** Shape the history was built for; a watch whose bucket, scales or baseline change starts over. */
    long bucketMs;
    long longestMs;
    long baselineMs;

    /** Newest final (judged) bucket. */
    long lastClosed;
    TreeMap<Long, ClosedBucket> recent = new TreeMap<>();

    double baselineCount;
    long baselineAtMs;
    long startFoldMs;
    double startTotal;
    /**
     * A baseline learned from stored history before the watch went live (see {@link io.newswatch.core.LearnedBaseline}):
     * the stream volume it rests on, valid at {@code priorAtMs}, and where that history began. None: 0 and MAX_VALUE.
     */
    double priorTotal;
    long priorAtMs;
    long priorSinceMs = Long.MAX_VALUE;

    String alertId;
    long openedBucket;
    long lastHotBucket;
    long lastEventBucket;
    int tier;
    long cooldownUntilMs = Long.MIN_VALUE;

    public WatchHistory() {
    }

    static WatchHistory start(DetectorParams p, long lastClosed, long startFoldMs, double startTotal) {
        WatchHistory h = new WatchHistory();
        h.bucketMs = p.bucketMs();
        h.longestMs = p.longestMs();
        h.baselineMs = p.baseline().toMillis();
        h.lastClosed = lastClosed;
        h.startFoldMs = startFoldMs;
        h.baselineAtMs = startFoldMs;
        h.startTotal = startTotal;
        return h;
    }

    /** True when the history was built for other parameters and must be started over. */
    boolean fits(DetectorParams p) {
        return bucketMs == p.bucketMs() && longestMs == p.longestMs() && baselineMs == p.baseline().toMillis();
    }

    /** Nothing to judge until the watch's next article: no recent bucket and no open alert. */
    public boolean dormant() {
        return recent.isEmpty() && alertId == null;
    }

    boolean storySeen(String storyKey) {
        for (ClosedBucket b : recent.values()) {
            if (b.stories().contains(storyKey)) {
                return true;
            }
        }
        return false;
    }

    /** The id of the open alert, or null. */
    public String alertId() {
        return alertId;
    }

    /** Newest judged bucket (index). */
    public long lastClosedBucket() {
        return lastClosed;
    }
}
