package io.newswatch.app.backtest;

import io.newswatch.core.Alert;
import java.time.LocalDate;
import java.util.List;

/**
 * What a backtest left, as {@link BacktestScore} needs it: the days it covers, each watch's hourly matched counts over
 * them, and its alert events.
 *
 * @param prefix   the backtest's topic prefix
 * @param firstDay the first UTC day the backtest covers
 * @param days     how many days it covers
 * @param articles enriched articles within those days
 * @param watches  the watches, with their counts ({@link WatchCounts#days()} equals {@code days})
 * @param alerts   every alert event on the backtest's alerts topic
 * @param notes    what the reading noticed and a reader of the report should know (articles left out, unknown watches)
 */
public record BacktestData(String prefix, LocalDate firstDay, int days, long articles, List<WatchCounts> watches, List<Alert> alerts,
                           List<String> notes) {

    public BacktestData {
        watches = List.copyOf(watches);
        alerts = List.copyOf(alerts);
        notes = List.copyOf(notes);
        for (WatchCounts w : watches) {
            if (w.days() != days) {
                throw new IllegalArgumentException("watch " + w.id() + " has counts for " + w.days() + " days, the backtest " + days);
            }
        }
    }

    public LocalDate lastDay() {
        return firstDay.plusDays(days - 1L);
    }
}
