package io.newswatch.app.backtest;

/**
 * What makes a day a spike day for a watch, and where its surge starts (docs/ALERTS.md, "Judging a watch by backtest").
 *
 * <p>A UTC day is a <em>spike day</em> when its matched count is at least {@code spikeFactor} times the median of the
 * {@code trailingDays} days before it and at least {@code spikeMinArticles}. The first {@code trailingDays} days of a
 * backtest have no full history and are not judged. The <em>surge start</em> of a spike day is the start of its first
 * UTC hour whose count reaches {@code surgeFactor} times the trailing days' mean hourly count and at least
 * {@code surgeMinArticles}; the start of the day when no hour does.
 */
public record SpikeRule(int trailingDays, double spikeFactor, int spikeMinArticles, double surgeFactor, int surgeMinArticles) {

    public static final int TRAILING_DAYS = 14;
    public static final double SPIKE_FACTOR = 3.0;
    public static final int SPIKE_MIN_ARTICLES = 10;
    public static final double SURGE_FACTOR = 3.0;
    public static final int SURGE_MIN_ARTICLES = 2;

    /** The rule of issue 9's goals. */
    public static final SpikeRule DEFAULT = new SpikeRule(TRAILING_DAYS, SPIKE_FACTOR, SPIKE_MIN_ARTICLES, SURGE_FACTOR,
            SURGE_MIN_ARTICLES);

    public SpikeRule {
        if (trailingDays < 1 || trailingDays > 365) {
            throw new IllegalArgumentException("trailing days must be between 1 and 365, got " + trailingDays);
        }
        if (!(spikeFactor >= 1) || !(surgeFactor >= 1)) {
            throw new IllegalArgumentException("spike and surge factors must be at least 1, got " + spikeFactor + " and " + surgeFactor);
        }
        if (spikeMinArticles < 1 || surgeMinArticles < 1) {
            throw new IllegalArgumentException("spike and surge minimum counts must be at least 1");
        }
    }
}
