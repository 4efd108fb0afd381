package io.newswatch.app.backtest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What {@code newswatch watch test} found: the watches it tried, run over a stored history by the alerts stage's own detector,
 * and how many alerts each would have raised against a budget of OPENED per week. Its field names are those of
 * {@code newswatch watch test --format json} (docs/CLI.md): rename nothing without bumping {@link #FORMAT_VERSION}. Times are
 * ISO-8601 UTC, days {@code YYYY-MM-DD}, durations in minutes.
 *
 * @param formatVersion version of this shape
 * @param topic         the enriched topic the history was read from
 * @param firstDay      first UTC day of the history tried
 * @param lastDay       last UTC day of the history tried
 * @param days          days tried
 * @param weeks         {@code days / 7}: what the per-week averages divide by
 * @param articles      enriched articles within those days, all fed to the detector (each watch is judged on its share of them)
 * @param budgetPerWeek OPENED per week a watch may raise on average and stay within budget
 * @param warmUpMinutes how long from the start of the history the detector has no baseline yet (its longest time scale): a
 *                      watch's OPENED then are judged against the floor alone
 * @param watches       one entry per watch tried
 * @param notes         what a reader should know about the data (articles left out, a short history, a disabled watch)
 */
public record WatchTestReport(int formatVersion, String topic, LocalDate firstDay, LocalDate lastDay, int days, double weeks,
                              long articles, double budgetPerWeek, long warmUpMinutes, List<WatchTest> watches, List<String> notes) {

    public static final int FORMAT_VERSION = 1;

    /**
     * One watch over the history.
     *
     * @param what             what it counts ({@code query tomahawk*}, {@code tag summit}, {@code entity country:HU})
     * @param enabled          false for a paused watch (tried anyway; live it raises nothing until enabled)
     * @param sensitivity      the score at which it opens (likewise the other settings, with defaults filled in)
     * @param matched          articles it matched in the history
     * @param matchedPerWeek   {@code matched / weeks}
     * @param maxMatchedPerDay matched on its busiest day
     * @param opened           OPENED it would have raised (likewise {@code updated}, {@code resolved})
     * @param openedInWarmUp   of them, OPENED in the first {@code warmUpMinutes} of the history
 * @param openedPerWeek    {@code opened / weeks}: what the budget is checked against
     * @param openedPerDay     {@code opened / days}
     * @param maxOpenedPerWeek OPENED in its busiest week
     * @param weeksOverBudget  weeks with more OPENED than the budget (a partial week: than its share of the budget)
     * @param openAtEnd        an alert was still open at the end of the history
     * @param spikeDays        days with at least 3 x the median of the 14 before and at least 10 matched (docs/ALERTS.md)
     * @param caught           spike days with an alert open at some time of the day
     * @param caughtInTime     spike days whose first alert opened at most 2 h after the surge began
     * @param withinBudget     {@code openedPerWeek <= budgetPerWeek}
     * @param verdict          the one-line verdict as the table prints it
     * @param weekList         every week of the history (weeks start on Monday, UTC)
     * @param openedList       every OPENED, in time order
     */
    public record WatchTest(String id, String description, String what, boolean enabled, double sensitivity, long bucketMinutes,
                            long baselineMinutes, int minArticles, int minSources, long cooldownMinutes, long matched,
                            double matchedPerWeek, int maxMatchedPerDay, int opened, int updated, int resolved, int openedInWarmUp,
                            double openedPerWeek,
                            double openedPerDay, int maxOpenedPerWeek, int weeksOverBudget, boolean openAtEnd, int spikeDays,
                            int caught, int caughtInTime, boolean withinBudget, String verdict, List<WeekTally> weekList,
                            List<OpenedAlert> openedList) {
    }

    /**
     * One week of one watch.
     *
     * @param weekStart its Monday
     * @param days      days of the history in it (fewer than 7 for the first and last week)
     * @param matched   articles the watch matched in it
     * @param opened    OPENED in it
     */
    public record WeekTally(LocalDate weekStart, int days, int matched, int opened) {
    }

    /**
     * One OPENED alert, with the figures of the window that opened it.
     *
     * @param time          when it opened: the end of the window, in event time
     * @param windowStart   start of the window (time scale) whose coverage opened it
     * @param windowMinutes the window's length
     * @param observed      articles in the window
     * @param counted       the count it was judged on (each source capped per bucket)
     * @param expected      the count the baseline expected in the window
     * @param score         the window's score (the watch opens at its sensitivity)
     * @param sources       distinct sources in the window
     * @param firstTitle    the headline of the earliest article cited as evidence, or null
     * @param firstSource   its source, or null
     * @param summary       the alert's one-line summary, as a webhook would have sent it
     */
    public record OpenedAlert(String alertId, Instant time, Instant windowStart, long windowMinutes, long observed, long counted,
                              double expected, double score, int sources, String firstTitle, String firstSource, String summary) {
    }
}
