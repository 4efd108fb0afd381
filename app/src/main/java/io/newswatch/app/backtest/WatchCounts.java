package io.newswatch.app.backtest;

import java.util.Arrays;
import java.util.Objects;

/**
 * How many articles of the backtest's enriched topic one watch matched in each UTC hour of the backtest's days: hour
 * {@code h} of day {@code d} (counted from the first day) is {@code hourly[d * 24 + h]}.
 *
 * @param id          the watch id
 * @param description the watch's description, or null
 * @param what        what it counts, as a person reads it ({@code query tomahawk*}, {@code tag summit})
 */
public record WatchCounts(String id, String description, String what, int[] hourly) {

    public WatchCounts {
        if (hourly.length % 24 != 0) {
            throw new IllegalArgumentException("hourly counts must cover whole days, got " + hourly.length + " hours");
        }
        hourly = hourly.clone();
    }

    public int days() {
        return hourly.length / 24;
    }

    public int hour(int day, int hour) {
        return hourly[day * 24 + hour];
    }

    public int day(int day) {
        int sum = 0;
        for (int h = 0; h < 24; h++) {
            sum += hourly[day * 24 + h];
        }
        return sum;
    }

    public long total() {
        return Arrays.stream(hourly).asLongStream().sum();
    }

    @Override
    public int[] hourly() {
        return hourly.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WatchCounts w && id.equals(w.id) && Objects.equals(description, w.description)
                && Objects.equals(what, w.what) && Arrays.equals(hourly, w.hourly);
    }

    @Override
    public int hashCode() {
        return id.hashCode() * 31 + Arrays.hashCode(hourly);
    }

    @Override
    public String toString() {
        return "WatchCounts[" + id + ", " + total() + " matched over " + days() + " days]";
    }
}
