package io.newswatch.app.backtest;

import java.time.Instant;
import java.util.List;

/**
 * A real event a backtest should have alerted on, from an events file ({@link EventsFile}).
 *
 * @param title   what happened
 * @param start   when coverage of it could first be expected
 * @param end     when it was over
 * @param watches the watches that should fire on it
 */
public record LabelledEvent(String title, Instant start, Instant end, List<String> watches) {

    public LabelledEvent {
        watches = List.copyOf(watches);
    }
}
