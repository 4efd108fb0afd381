package io.newswatch.app.backtest;

import io.newswatch.alerts.detect.Hit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The articles of a stored history, collected in any order and handed out in event-time order, for a detector that must
 * see them so ({@code newswatch watch test}). Held compactly, because every article counts towards the stream's volume
 * but few match a watch: an article that matched none is its event time alone (8 bytes of a {@code long[]}), a matched one
 * its {@link Hit} and watch ids (under a kilobyte: id, title, link, source). Ten million articles of which a million matched
 * fit in about 1 GB of heap; a history far beyond that would want an external sort (as {@code importer.EventTimeSorter}
 * does for imports) instead.
 */
final class HistoryArticles {

    /** A matched article: its event time (the sort key), what the detector counts and the watches it matched. */
    private record Matched(long timeMs, Hit hit, List<String> watchIds) {
    }

    private long[] unmatched = new long[1 << 12];
    private int unmatchedCount;
    private final List<Matched> matched = new ArrayList<>();
    private boolean sorted = true;

    /** One article: {@code hit} is used only when {@code watchIds} is not empty. */
    void add(long timeMs, Hit hit, List<String> watchIds) {
        sorted = false;
        if (watchIds.isEmpty()) {
            if (unmatchedCount == unmatched.length) {
                unmatched = Arrays.copyOf(unmatched, unmatched.length * 2);
            }
            unmatched[unmatchedCount++] = timeMs;
        } else {
            matched.add(new Matched(timeMs, hit, List.copyOf(watchIds)));
        }
    }

    long size() {
        return (long) unmatchedCount + matched.size();
    }

    long matched() {
        return matched.size();
    }

    /**
     * Hands every article with {@code fromMs <= time < untilMs} to {@code each} in event-time order: its hit (for an unmatched
     * article one that carries only the time) and the ids of the watches it matched. Articles of the same millisecond come
     * in any order; the detector's result does not depend on it.
     */
    void inOrder(long fromMs, long untilMs, BiConsumer<Hit, List<String>> each) {
        if (!sorted) {
            Arrays.sort(unmatched, 0, unmatchedCount);
            matched.sort(Comparator.comparingLong(Matched::timeMs));
            sorted = true;
        }
        int u = lowerBound(fromMs);
        int m = 0;
        while (m < matched.size() && matched.get(m).timeMs() < fromMs) {
            m++;
        }
        while (true) {
            long nextUnmatched = u < unmatchedCount ? unmatched[u] : Long.MAX_VALUE;
            long nextMatched = m < matched.size() ? matched.get(m).timeMs() : Long.MAX_VALUE;
            long t = Math.min(nextUnmatched, nextMatched);
            if (t >= untilMs) {
                return;
            }
            if (nextUnmatched <= nextMatched) {
                each.accept(new Hit(null, Instant.ofEpochMilli(t), null, null, null, null, null), List.of());
                u++;
            } else {
                Matched a = matched.get(m++);
                each.accept(a.hit(), a.watchIds());
            }
        }
    }

    /** The index of the first unmatched time at or after {@code timeMs}. */
    private int lowerBound(long timeMs) {
        int lo = 0;
        int hi = unmatchedCount;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (unmatched[mid] < timeMs) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
