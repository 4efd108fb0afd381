package io.newswatch.app.backtest;

import io.newswatch.core.Alert;
import io.newswatch.core.Watch;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Counts a backtest's enriched articles as they are read, in any order: all articles per UTC day, and each watch's
 * matches per UTC hour. {@link #build} then fixes the days the report covers and lays the counts out over them.
 *
 * <p>Without explicit bounds the days run from the first to the last day with articles, leaving out the earliest and
 * the latest {@link #STRAY_SHARE} of the articles: real streams carry a few stray dates (a headline dated 1970), and
 * one of them must not stretch a ten-month report over fifty years. What is left out is said in the notes.
 */
public final class MatchTally {

    /** The share of articles at each end of the stream that may lie outside the report's days. */
    static final double STRAY_SHARE = 1e-4;
    private static final long HOUR_SECONDS = 3600;

    private final NavigableMap<Long, Long> articlesPerDay = new TreeMap<>();
    private final Map<String, Map<Long, Integer>> hoursByWatch = new HashMap<>();

    /** One enriched article: its event time and the ids of the watches it matched. */
    public void add(Instant eventTime, List<String> watchIds) {
        long second = eventTime.getEpochSecond();
        articlesPerDay.merge(Math.floorDiv(second, 86_400L), 1L, Long::sum);
        long hour = Math.floorDiv(second, HOUR_SECONDS);
        for (String id : watchIds) {
            hoursByWatch.computeIfAbsent(id, k -> new HashMap<>()).merge(hour, 1, Integer::sum);
        }
    }

    public long articles() {
        return articlesPerDay.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * The backtest's data over its days.
     *
     * @param since first instant to cover (its whole UTC day is covered), or null for the stream's start
     * @param until end of the cover, exclusive (the UTC day holding the instant before it is the last), or null for the stream's end
     * @param notes what the reading noticed so far; this adds what it left out
     */
    public BacktestData build(String prefix, List<Watch> watches, List<Alert> alerts, Instant since, Instant until, List<String> notes) {
        if (articlesPerDay.isEmpty() && (since == null || until == null)) {
            throw new IllegalArgumentException("the backtest " + prefix + " holds no enriched articles: nothing to judge");
        }
        long total = articles();
        long first = since != null ? day(since) : quantileDay(total, true);
        long last = until != null ? day(until.minusNanos(1)) : quantileDay(total, false);
        if (last < first) {
            throw new IllegalArgumentException("the report would cover no day: from " + LocalDate.ofEpochDay(first) + " to "
                    + LocalDate.ofEpochDay(last));
        }
        List<String> allNotes = new ArrayList<>(notes);
        long before = articlesPerDay.headMap(first, false).values().stream().mapToLong(Long::longValue).sum();
        long after = articlesPerDay.tailMap(last, false).values().stream().mapToLong(Long::longValue).sum();
        if (before + after > 0) {
            String why = since == null || until == null ? " (stray dates; --since/--until set the days)" : "";
            allNotes.add(String.format("%d enriched articles before %s and %d after %s are left out%s", before, LocalDate.ofEpochDay(first),
                    after, LocalDate.ofEpochDay(last), why));
        }
        int days = Math.toIntExact(last - first + 1);
        long firstHour = first * 24;
        List<WatchCounts> counts = new ArrayList<>();
        for (Watch w : watches) {
            int[] hourly = new int[days * 24];
            hoursByWatch.getOrDefault(w.id(), Map.of()).forEach((hour, n) -> {
                long i = hour - firstHour;
                if (i >= 0 && i < hourly.length) {
                    hourly[(int) i] = n;
                }
            });
            counts.add(new WatchCounts(w.id(), w.description(), w.subject().toString(), hourly));
        }
        long covered = articlesPerDay.subMap(first, true, last, true).values().stream().mapToLong(Long::longValue).sum();
        return new BacktestData(prefix, LocalDate.ofEpochDay(first), days, covered, counts, alerts, allNotes);
    }

    /** The first (or last) day before which (after which) at most {@link #STRAY_SHARE} of the articles lie. */
    private long quantileDay(long total, boolean fromStart) {
        double allowed = total * STRAY_SHARE;
        long seen = 0;
        for (Map.Entry<Long, Long> e : fromStart ? articlesPerDay.entrySet() : articlesPerDay.descendingMap().entrySet()) {
            seen += e.getValue();
            if (seen > allowed) {
                return e.getKey();
            }
        }
        return fromStart ? articlesPerDay.firstKey() : articlesPerDay.lastKey();
    }

    private static long day(Instant t) {
        return Math.floorDiv(t.getEpochSecond(), 86_400L);
    }
}
