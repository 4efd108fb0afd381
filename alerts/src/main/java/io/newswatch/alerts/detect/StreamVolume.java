package io.newswatch.alerts.detect;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many articles the whole stream carried, per 5-minute slot of event time: what every watch's coverage is
 * judged against (its share), so that a general surge of arrivals (a backlog, a recovering feed, a batch) does not
 * open unrelated watches, and so that the daily and weekly rhythm of news is in the expectation.
 *
 * <p>Besides recent slots it keeps, for each baseline memory {@code tau} in use, the exponentially decayed total
 * {@code G(t) = sum over slots s ending by t of exp(-(t - end(s)) / tau) V(s)}, sampled at the end of every non-empty
 * slot. Every watch's baseline denominator is a difference of two values of G (docs/ALERTS.md), so a quiet watch
 * needs no work while the stream flows.
 *
 * <p>Counts may arrive in any order within slots that are not final yet; a slot is final once every partition has
 * reported it, which the caller knows (event-time watermarks) and says with {@link #finalizeThrough}.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
public final class StreamVolume {

    /** Width of a volume slot; watch buckets are multiples of it. */
    public static final long SLOT_MS = Duration.ofMinutes(5).toMillis();

    /** How long final slots are kept: the longest window plus a day of margin for buckets being folded. */
    long retentionMs;
    /** Articles per slot index, final and not yet final. */
    TreeMap<Long, Long> counts = new TreeMap<>();
    /** The earliest slot ever counted: where the stream, and so every watch's history, begins. */
    Long firstSlot;
    /** Newest final slot index, or null before the first count. */
    Long finalThrough;
    /** Per baseline memory tau (ms): G at the end of each recent non-empty final slot. */
    TreeMap<Long, TreeMap<Long, Double>> decayedTotals = new TreeMap<>();
    /**
     * Running totals of {@link #counts} in slot order ({@code runningTotals[i]} = the articles of {@code runningSlots[0..i]}),
     * so that {@link #articles} is two lookups: every watch sums the same windows at every bucket it closes, each
     * window up to a day of slots. Derived, never stored; null when it must be rebuilt.
     */
    private transient long[] runningSlots;
    private transient long[] runningTotals;
    private transient int runningSize;
    /** What changed since the volume was last written to its store. */
    private final transient ChangedPages changed = new ChangedPages();

    public StreamVolume() {
    }

    /**
     * @param defaultBaseline the baseline memory most watches use, tracked from the first slot (a memory first asked for
     *                        later is tracked from the slots still retained then)
     */
    public StreamVolume(Duration retention, Duration defaultBaseline) {
        this.retentionMs = retention.toMillis();
        track(defaultBaseline);
    }

    /**
     * Starts keeping G for this baseline memory, if not kept yet, from the final slots still retained. A watch whose
     * baseline starts after this call sees a consistent G from then on.
     */
    public void track(Duration tau) {
        long tauMs = tau.toMillis();
        if (decayedTotals.containsKey(tauMs)) {
            return;
        }
        TreeMap<Long, Double> series = new TreeMap<>();
        decayedTotals.put(tauMs, series);
        changed.meta();
        if (finalThrough != null) {
            for (Map.Entry<Long, Long> e : counts.headMap(finalThrough, true).entrySet()) {
                series.put(e.getKey(), at(series, tauMs, (e.getKey() + 1) * SLOT_MS) + e.getValue());
                changed.slot(e.getKey());
            }
        }
    }

    public static long slotOf(long eventTimeMs) {
        return Math.floorDiv(eventTimeMs, SLOT_MS);
    }

    /** Adds articles to a slot. Counts for a slot that is already final are too late and are refused. */
    public boolean add(long slot, long articles) {
        if (finalThrough != null && slot <= finalThrough) {
            return false;
        }
        counts.merge(slot, articles, Long::sum);
        addToRunningTotals(slot, articles);
        changed.slot(slot);
        if (firstSlot == null || slot < firstSlot) {
            firstSlot = slot;
            changed.meta();
        }
        return true;
    }

    /** Declares every slot ending at or before {@code timeMs} final. */
    public void finalizeThrough(long timeMs) {
        long last = Math.floorDiv(timeMs, SLOT_MS) - 1;
        if (finalThrough != null && last <= finalThrough) {
            return;
        }
        long from = finalThrough == null ? Long.MIN_VALUE : finalThrough + 1;
        for (Map.Entry<Long, Long> e : counts.subMap(from, true, last, true).entrySet()) {
            long end = (e.getKey() + 1) * SLOT_MS;
            decayedTotals.forEach((tauMs, series) -> series.put(e.getKey(), at(series, tauMs, end) + e.getValue()));
            changed.slot(e.getKey());
        }
        finalThrough = last;
        changed.meta();
    }

    /**
     * Forgets slots older than the retention before {@code timeMs}. Called once every watch has closed its buckets up to
     * {@code timeMs}: a watch closing buckets behind a big jump of event time still needs the slots it passes.
     */
    public void prune(long timeMs) {
        long oldest = Math.floorDiv(timeMs - retentionMs, SLOT_MS);
        Map<Long, Long> old = counts.headMap(oldest, false);
        if (!old.isEmpty()) {
            old.keySet().forEach(changed::slot);
            old.clear();
            runningSlots = null; // rebuilt from the slots left on the next read
        }
        for (TreeMap<Long, Double> series : decayedTotals.values()) {
            Long keep = series.floorKey(oldest);
            if (keep != null) {
                Map<Long, Double> gone = series.headMap(keep, false);
                gone.keySet().forEach(changed::slot);
                gone.clear();
            }
        }
    }

    /** Articles in the final slots of {@code [fromMs, toMs)} (both on slot boundaries). */
    public long articles(long fromMs, long toMs) {
        long from = Math.floorDiv(fromMs, SLOT_MS);
        long to = Math.floorDiv(toMs, SLOT_MS) - 1;
        if (from > to) {
            throw new IllegalArgumentException("fromKey > toKey"); // as the sum over counts.subMap(from, to) did
        }
        if (runningSlots == null) {
            rebuildRunningTotals();
        }
        int first = insertionPoint(from);
        int last = insertionPoint(to + 1) - 1;
        if (last < first) {
            return 0;
        }
        return runningTotals[last] - (first > 0 ? runningTotals[first - 1] : 0);
    }

    /** Index of the first slot at or after {@code slot} in the running totals. */
    private int insertionPoint(long slot) {
        int i = Arrays.binarySearch(runningSlots, 0, runningSize, slot);
        return i >= 0 ? i : -i - 1;
    }

    private void addToRunningTotals(long slot, long articles) {
        if (runningSlots == null) {
            return;
        }
        int i = Arrays.binarySearch(runningSlots, 0, runningSize, slot);
        if (i < 0) {
            runningSlots = null; // a new slot: rebuilt when next read (once per slot, not per article)
            return;
        }
        for (; i < runningSize; i++) {
            runningTotals[i] += articles;
        }
    }

    private void rebuildRunningTotals() {
        int n = counts.size();
        long[] slots = new long[n];
        long[] totals = new long[n];
        int i = 0;
        long sum = 0;
        for (Map.Entry<Long, Long> e : counts.entrySet()) {
            sum += e.getValue();
            slots[i] = e.getKey();
            totals[i++] = sum;
        }
        runningSlots = slots;
        runningTotals = totals;
        runningSize = n;
    }

    /** G at {@code timeMs} for a tracked baseline memory: the decayed total of every final slot ending by then. */
    public double decayedTotalAt(long timeMs, Duration tau) {
        TreeMap<Long, Double> series = decayedTotals.get(tau.toMillis());
        if (series == null) {
            throw new IllegalStateException("baseline memory " + tau + " is not tracked");
        }
        return at(series, tau.toMillis(), timeMs);
    }

    private static double at(TreeMap<Long, Double> series, long tauMs, long timeMs) {
        Map.Entry<Long, Double> e = series.floorEntry(Math.floorDiv(timeMs, SLOT_MS) - 1);
        if (e == null) {
            return 0.0;
        }
        long end = (e.getKey() + 1) * SLOT_MS;
        return e.getValue() * decay(timeMs - end, tauMs);
    }

    static double decay(long elapsedMs, long tauMs) {
        return elapsedMs <= 0 ? 1.0 : Math.exp(-(double) elapsedMs / tauMs);
    }

    /** What changed since the volume was last written ({@link VolumePages}); the writer clears it. */
    public ChangedPages changedPages() {
        return changed;
    }

    public long retentionMs() {
        return retentionMs;
    }

    /** Start of the earliest slot ever counted, or {@code Long.MAX_VALUE} before any. */
    public long firstSlotStartMs() {
        return firstSlot == null ? Long.MAX_VALUE : firstSlot * SLOT_MS;
    }

    /** Newest final slot's end, or {@code Long.MIN_VALUE} before any. */
    public long finalUntilMs() {
        return finalThrough == null ? Long.MIN_VALUE : (finalThrough + 1) * SLOT_MS;
    }
}
