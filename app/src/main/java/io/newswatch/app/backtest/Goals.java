package io.newswatch.app.backtest;

/**
 * The goals a watch is judged against (issue 9): enough spike days caught in time, few OPENED on ordinary days, few
 * OPENED per spike, few OPENED a day.
 *
 * @param minCaughtInTime   least share of spike days caught with the first OPENED at most {@code maxLeadMinutes} after the surge start
 * @param maxLeadMinutes    latest a first OPENED may come after the surge start, in minutes, and still count as in time
 * @param maxOffSpikeShare  largest share of (judged) OPENED on days that are neither a spike day nor the day after one
 * @param maxOpenedPerSpike most OPENED per spike (a run of consecutive spike days and the day after it), on average
 * @param maxOpenedPerDay   most OPENED per day of the backtest, on average
 */
public record Goals(double minCaughtInTime, int maxLeadMinutes, double maxOffSpikeShare, double maxOpenedPerSpike,
                    double maxOpenedPerDay) {

    public static final Goals DEFAULT = new Goals(0.80, 120, 0.20, 2.0, 3.0);
}
