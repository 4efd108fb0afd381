package io.newswatch.bench.alerts;

import io.newswatch.app.backtest.WatchCounts;
import io.newswatch.core.Watch;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each watch's matched articles per UTC hour of the dev stream, from its first day to its last: what `newswatch backtest
 * report` counts from a replay's enriched topic, here from the stream prepared in memory.
 */
record DevCounts(LocalDate firstDay, int days, Map<String, int[]> hourly) {

    static DevCounts of(List<DevStream.Item> items, List<Watch> watches) {
        LocalDate firstDay = LocalDate.ofInstant(items.getFirst().hit().eventTime(), ZoneOffset.UTC);
        int days = (int) ChronoUnit.DAYS.between(firstDay, LocalDate.ofInstant(items.getLast().hit().eventTime(), ZoneOffset.UTC)) + 1;
        Map<String, int[]> hourly = new LinkedHashMap<>();
        watches.forEach(w -> hourly.put(w.id(), new int[days * 24]));
        long firstHour = firstDay.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() / 3_600_000L;
        for (DevStream.Item item : items) {
            int hour = (int) (item.hit().eventTime().toEpochMilli() / 3_600_000L - firstHour);
            for (String id : item.watchIds()) {
                hourly.get(id)[hour]++;
            }
        }
        return new DevCounts(firstDay, days, hourly);
    }

    /** Matched articles of all watches together. */
    long matched() {
        long n = 0;
        for (int[] h : hourly.values()) {
            for (int x : h) {
                n += x;
            }
        }
        return n;
    }

    List<WatchCounts> counts(List<Watch> watches) {
        return watches.stream().map(w -> new WatchCounts(w.id(), w.description(), w.subject().toString(), hourly.get(w.id()))).toList();
    }
}
