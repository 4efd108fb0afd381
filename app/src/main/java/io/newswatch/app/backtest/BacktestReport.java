package io.newswatch.app.backtest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The judgement of one backtest, as {@link BacktestScore} computes it and the renderers print it. Its field names are
 * the field names of {@code newswatch backtest report --format json} (docs/CLI.md): rename nothing without bumping
 * {@link #FORMAT_VERSION}. Shares are fractions (0.25 = 25%); a metric with nothing to be computed on is null.
 *
 * @param formatVersion     version of this shape
 * @param prefix            the backtest's topic prefix
 * @param firstDay          first UTC day covered
 * @param lastDay           last UTC day covered
 * @param days              days covered
 * @param articles          enriched articles within those days
 * @param rule              what a spike day is
 * @param goals             what a watch must reach
 * @param eventSlackMinutes how long before an event's start an alert already counts for it
 * @param eventsFile        the events file, or null when none was given
 * @param watches           one entry per watch, by id
 * @param events            one entry per labelled event (empty without an events file)
 * @param notes             what a reader should know about the data (articles left out, unknown watches)
 */
public record BacktestReport(int formatVersion, String prefix, LocalDate firstDay, LocalDate lastDay, int days, long articles,
                             SpikeRule rule, Goals goals, long eventSlackMinutes, String eventsFile, List<WatchScore> watches,
                             List<EventScore> events, List<String> notes) {

    public static final int FORMAT_VERSION = 1;

    /**
     * One watch over the backtest.
     *
     * @param what               what it counts ({@code query tomahawk*}, {@code tag summit}, {@code entity country:HU})
     * @param matched            enriched articles it matched
     * @param opened             OPENED events (likewise {@code updated}, {@code resolved})
     * @param openedPerDay       OPENED per day of the backtest
     * @param maxOpenedPerWeek   OPENED in its busiest week (weeks start on Monday, UTC)
     * @param openShare          share of the backtest's time with an alert of the watch open
     * @param judgedDays         days with a full trailing history (all but the first {@code rule.trailingDays})
     * @param spikeDays          spike days
     * @param spikes             runs of consecutive spike days
     * @param caught             spike days with an alert open at some time during the day
     * @param caughtInTime       spike days whose first alert open at or after the surge start was OPENED within the lead goal
     * @param medianLeadMinutes  median over the caught spike days of the first OPENED minus the surge start
     * @param judgedOpened       OPENED on judged days
     * @param openedOffSpike     OPENED on judged days that are neither a spike day nor the day after one
     * @param offSpikeShare      {@code openedOffSpike / judgedOpened}
     * @param openedOnSpikes     OPENED on spike days and the days right after a run of them
     * @param openedPerSpike     {@code openedOnSpikes / spikes}
     * @param maxOpenedPerSpike  OPENED of the spike with the most
     * @param goals              each goal's value, limit and verdict
     * @param verdict            FAIL when any goal fails, else PASS
     * @param recall             against the events file, or null without one
     */
    public record WatchScore(String id, String description, String what, long matched, double matchedPerDay, int maxMatchedPerDay,
                             int opened, int updated, int resolved, double openedPerDay, int maxOpenedPerWeek, double openShare,
                             int judgedDays, int spikeDays, int spikes, int caught, int caughtInTime, Double caughtShare,
                             Double caughtInTimeShare, Double medianLeadMinutes, int judgedOpened, int openedOffSpike,
                             Double offSpikeShare, int openedOnSpikes, Double openedPerSpike, int maxOpenedPerSpike,
                             List<GoalCheck> goals, Verdict verdict, Recall recall, List<DayRow> dayList, List<WeekRow> weekList,
                             List<SpikeDayRow> spikeDayList, List<AlertSpan> alerts) {
    }

    /**
     * One day of one watch.
     *
     * @param median the trailing median, null on the first days that have no full history
     * @param opened OPENED that day
     */
    public record DayRow(LocalDate date, int matched, Double median, boolean spike, int opened) {
    }

    /** OPENED in the week that starts on {@code weekStart} (a Monday). */
    public record WeekRow(LocalDate weekStart, int opened) {
    }

    /**
     * One spike day of one watch.
     *
     * @param spike       which run of consecutive spike days it belongs to (1, 2, ...)
     * @param firstOpened OPENED time of the first alert open at or after the surge start that day, or null
     * @param leadMinutes {@code firstOpened - surgeStart} in minutes (negative: already open), or null
     * @param inTime      caught with {@code leadMinutes} at most the goal
     */
    public record SpikeDayRow(LocalDate date, int spike, int matched, double median, Instant surgeStart, boolean caught,
                              Instant firstOpened, Long leadMinutes, boolean inTime) {
    }

    /**
     * One goal of one watch.
     *
     * @param goal       {@code caught-in-time}, {@code opened-off-spike}, {@code opened-per-spike} or {@code opened-per-day}
     * @param value      the watch's value, null when there is nothing to judge it on
     * @param comparison {@code >=} or {@code <=}: how the value must compare with the limit
     */
    public record GoalCheck(String goal, Double value, String comparison, double limit, Verdict verdict) {
    }

    /**
     * One watch against the labelled events that list it.
     *
     * @param events            events within the backtest that list the watch
     * @param recalled          of them, those with an alert of the watch open between {@code start - eventSlackMinutes} and {@code end}
     * @param falseAlarms       OPENED of the watch outside every such window of its events
     * @param alertsPerEvent    OPENED within the windows of its events, per event
     * @param medianLeadMinutes median of first OPENED minus event start, over the recalled events
     */
    public record Recall(int events, int recalled, Double recall, int falseAlarms, Double alertsPerEvent, Double medianLeadMinutes) {
    }

    /**
     * One labelled event.
     *
     * @param inBacktest false when it lies outside the backtest's days (then left out of every figure)
     */
    public record EventScore(String title, Instant start, Instant end, boolean inBacktest, List<EventOutcome> watches) {
    }

    /**
     * One watch of one labelled event.
     *
     * @param known       false when the backtest has no such watch (then left out of every figure)
     * @param caught      an alert of the watch was open at some time between {@code start - eventSlackMinutes} and {@code end}
     * @param opened      OPENED of the watch in that window
     * @param firstOpened OPENED time of the first alert open in that window, or null
     * @param leadMinutes {@code firstOpened - start} in minutes, or null
     */
    public record EventOutcome(String watch, boolean known, boolean caught, int opened, Instant firstOpened, Long leadMinutes) {
    }
}
