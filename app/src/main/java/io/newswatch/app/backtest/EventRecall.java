package io.newswatch.app.backtest;

import io.newswatch.app.backtest.BacktestReport.EventOutcome;
import io.newswatch.app.backtest.BacktestReport.EventScore;
import io.newswatch.app.backtest.BacktestReport.Recall;
import io.newswatch.core.Alert;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A backtest's alerts against labelled events. An event's <em>window</em> runs from {@link #SLACK} before its start
 * (coverage often begins a little before the time a person labels) to its end. An event is <em>recalled</em> by a
 * watch it lists when an alert of that watch was open at some time in the window (opened in it, or opened earlier and
 * still open); the lead time is the OPENED time of the first such alert minus the event's start. An OPENED of a watch
 * outside the windows of every event listing the watch is a <em>false alarm</em>. Events outside the backtest's days,
 * and watches the backtest does not have, are left out and named in the notes.
 */
final class EventRecall {

    static final Duration SLACK = Duration.ofHours(2);

    private final Set<String> knownWatches;
    private final Map<String, List<AlertSpan>> spansByWatch;
    private final List<LabelledEvent> inBacktest = new ArrayList<>();
    private final List<EventScore> events = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    EventRecall(BacktestData data, List<LabelledEvent> labelled) {
        knownWatches = data.watches().stream().map(WatchCounts::id).collect(Collectors.toSet());
        spansByWatch = data.alerts().stream().collect(Collectors.groupingBy(Alert::watchId, TreeMap::new,
                Collectors.collectingAndThen(Collectors.toList(), AlertSpan::of)));
        Instant spanStart = data.firstDay().atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant spanEnd = spanStart.plus(Duration.ofDays(data.days()));
        int outside = 0;
        Set<String> unknown = new LinkedHashSet<>();
        for (LabelledEvent e : labelled) {
            boolean within = e.start().isBefore(spanEnd) && e.end().isAfter(spanStart);
            if (within) {
                inBacktest.add(e);
            } else {
                outside++;
            }
            List<EventOutcome> outcomes = new ArrayList<>();
            for (String watch : e.watches()) {
                boolean known = knownWatches.contains(watch);
                if (!known) {
                    unknown.add(watch);
                }
                outcomes.add(within && known ? outcome(e, watch, spansByWatch.getOrDefault(watch, List.of()))
                        : new EventOutcome(watch, known, false, 0, null, null));
            }
            events.add(new EventScore(e.title(), e.start(), e.end(), within, outcomes));
        }
        if (outside > 0) {
            notes.add(outside + " of " + labelled.size() + " labelled events lie outside the backtest's days and are left out");
        }
        if (!unknown.isEmpty()) {
            notes.add("labelled events name watches the backtest does not have, left out: " + String.join(", ", unknown));
        }
    }

    List<EventScore> events() {
        return List.copyOf(events);
    }

    List<String> notes() {
        return List.copyOf(notes);
    }

    /** The watch against the events (within the backtest) that list it. */
    Recall of(String watch, List<AlertSpan> spans) {
        int count = 0;
        int recalled = 0;
        int openedInWindows = 0;
        List<Long> leads = new ArrayList<>();
        Set<String> explained = new HashSet<>();
        for (LabelledEvent e : inBacktest) {
            if (!e.watches().contains(watch)) {
                continue;
            }
            count++;
            EventOutcome o = outcome(e, watch, spans);
            recalled += o.caught() ? 1 : 0;
            openedInWindows += o.opened();
            if (o.leadMinutes() != null) {
                leads.add(o.leadMinutes());
            }
            Instant from = e.start().minus(SLACK);
            spans.stream().filter(s -> within(s.opened(), from, e.end())).forEach(s -> explained.add(s.alertId()));
        }
        int falseAlarms = (int) spans.stream().filter(s -> !explained.contains(s.alertId())).count();
        return new Recall(count, recalled, BacktestScore.share(recalled, count), falseAlarms,
                BacktestScore.share(openedInWindows, count), BacktestScore.median(leads));
    }

    private static EventOutcome outcome(LabelledEvent e, String watch, List<AlertSpan> spans) {
        Instant from = e.start().minus(SLACK);
        AlertSpan first = spans.stream().filter(s -> s.openDuring(from, e.end())).findFirst().orElse(null);
        int opened = (int) spans.stream().filter(s -> within(s.opened(), from, e.end())).count();
        return new EventOutcome(watch, true, first != null, opened, first == null ? null : first.opened(),
                first == null ? null : BacktestScore.minutes(e.start(), first.opened()));
    }

    /** {@code from <= t < to}, as {@link AlertSpan#openDuring}. */
    private static boolean within(Instant t, Instant from, Instant to) {
        return !t.isBefore(from) && t.isBefore(to);
    }
}
