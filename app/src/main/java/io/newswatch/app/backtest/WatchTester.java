package io.newswatch.app.backtest;

import io.newswatch.alerts.AlertsSettings;
import io.newswatch.alerts.detect.Hit;
import io.newswatch.alerts.detect.InMemoryDetection;
import io.newswatch.alerts.watch.WatchMatcher;
import io.newswatch.alerts.watch.WatchSetMatcher;
import io.newswatch.app.cli.UsageException;
import io.newswatch.app.tail.TopicTail;
import io.newswatch.core.Alert;
import io.newswatch.core.EnrichedArticle;
import io.newswatch.core.LearnedBaseline;
import io.newswatch.core.Topic;
import io.newswatch.core.Topics;
import io.newswatch.core.Watch;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * {@code newswatch watch test}: runs watches that are not live yet over a stored history and says what they would have
 * raised. It reads an enriched topic to its end as it is when read ({@link TopicTail}: enrich's watermark records left out,
 * no consumer group, nothing committed), matches each article with the alerts stage's own matcher, then feeds every article
 * of the history in event-time order to the alerts stage's own detector ({@link InMemoryDetection}), matched or not, since
 * a watch is judged on its share of all coverage. It writes to no topic: the alerts exist only in the report.
 *
 * <p>An article's time is its record timestamp, which enrich sets to the article's event time (docs/RECORDS.md).
 */
public final class WatchTester {

    private static final long PROGRESS_EVERY = 20_000;

    private final Properties clientProperties;
    private final AlertsSettings settings;
    private final Consumer<String> progress;

    /** @param progress receives a line now and then while a large topic is read */
    public WatchTester(Properties clientProperties, AlertsSettings settings, Consumer<String> progress) {
        this.clientProperties = clientProperties;
        this.settings = settings;
        this.progress = progress;
    }

    /**
     * @param topic         the enriched topic holding the history
     * @param watches       the watches to try, validated (defaults filled in)
     * @param since         first instant of the history (its UTC day is tried whole), or null for the topic's start
     * @param until         end of the history, exclusive (the UTC day before it is the last), or null for the topic's end
     * @param budgetPerWeek OPENED a week a watch may raise on average
     */
    public WatchTestReport test(String topic, List<Watch> watches, Instant since, Instant until, double budgetPerWeek) {
        MatchTally tally = new MatchTally();
        HistoryArticles history = new HistoryArticles();
        long undecodable = read(topic, watches, tally, history);
        if (history.size() == 0) {
            throw new UsageException("no enriched articles on " + topic + ": there is no history to test a watch on"
                    + " (--prefix reads a backtest's)");
        }
        List<String> notes = new ArrayList<>();
        if (undecodable > 0) {
            notes.add(undecodable + " records of " + topic + " could not be read as enriched articles and are left out");
        }
        BacktestData days;
        try {
            days = tally.build(topic, watches, List.of(), since, until, List.of());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
        long from = days.firstDay().atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        Instant end = days.lastDay().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<Alert> alerts = detect(watches, history, from, end);
        for (Watch w : watches) {
            if (!w.enabled()) {
                notes.add("watch " + w.id() + " is disabled: tried anyway, but live it raises nothing until it is enabled");
            }
        }
        List<String> delivering = watches.stream().filter(w -> w.webhookUrl() != null || w.outputTopic() != null).map(Watch::id).toList();
        if (!delivering.isEmpty()) {
            notes.add("a test delivers nothing: the webhooks and output topics of " + String.join(", ", delivering) + " got none of these");
        }
        BacktestData data = new BacktestData(days.prefix(), days.firstDay(), days.days(), days.articles(), days.watches(), alerts,
                days.notes());
        // Until the longest window has passed the detector has folded nothing into its baseline: expectations are the floor.
        return WatchTestScore.score(data, watches, budgetPerWeek, settings.tuning().scales().getLast(), notes);
    }

    /**
     * What each watch learns from the whole stored history on {@code topic}, for {@code watch add} to store with it, so a new
     * watch starts with a baseline instead of cold (docs/ALERTS.md, "A new watch"). The alerts stage's own detector runs over
     * the history as in {@link #test}; a watch that matched nothing, or whose history is shorter than its longest window,
     * learns nothing and is left out.
     *
     * @return watch id to learned baseline
     */
    public Map<String, LearnedBaseline> learn(String topic, List<Watch> watches) {
        HistoryArticles history = new HistoryArticles();
        read(topic, watches, new MatchTally(), history);
        Map<String, LearnedBaseline> learned = new LinkedHashMap<>();
        if (history.matched() == 0) {
            return learned;
        }
        progress.accept("learning from " + history.size() + " articles");
        InMemoryDetection detection = settings.inMemoryDetection(watches);
        long[] newest = {Long.MIN_VALUE};
        history.inOrder(Long.MIN_VALUE, Long.MAX_VALUE, (hit, matched) -> {
            detection.article(hit, matched);
            newest[0] = hit.eventTime().toEpochMilli();
        });
        detection.finish(Instant.ofEpochMilli(newest[0]));
        for (Watch w : watches) {
            detection.learned(w.id()).ifPresent(l -> learned.put(w.id(), l));
        }
        return learned;
    }

    /** Reads the topic into the tally (days, matched counts) and the history; returns how many records were undecodable. */
    private long read(String topic, List<Watch> watches, MatchTally tally, HistoryArticles history) {
        long[] undecodable = new long[1];
        // Any topic of enriched articles (a replay's, live's), read with the enriched topic's serdes.
        Topic<String, EnrichedArticle> enriched = Topics.enrichedArticlesOn(topic);
        List<WatchMatcher> matchers = watches.stream().map(WatchMatcher::of).toList();
        try (WatchSetMatcher matcher = WatchSetMatcher.of(matchers)) {
            new TopicTail(clientProperties).readToEnd(topic, record -> {
                EnrichedArticle a = BacktestReader.decode(enriched, record.value());
                if (a == null || a.article() == null || a.article().id() == null) {
                    undecodable[0]++;
                    return;
                }
                Instant time = Instant.ofEpochMilli(record.timestamp());
                List<String> matched = matcher.matches(a);
                tally.add(time, matched);
                history.add(record.timestamp(), matched.isEmpty() ? null : Hit.of(a, time), matched);
                if (history.size() % PROGRESS_EVERY == 0) {
                    progress.accept("reading " + topic + ": " + history.size() + " articles, " + history.matched() + " matched");
                }
            });
        } finally {
            matchers.forEach(WatchMatcher::close);
        }
        return undecodable[0];
    }

    /** The alerts stage's detector over the history's days, every article in event-time order. */
    private List<Alert> detect(List<Watch> watches, HistoryArticles history, long fromMs, Instant end) {
        progress.accept("running the detector over " + history.size() + " articles");
        InMemoryDetection detection = settings.inMemoryDetection(watches);
        List<Alert> alerts = new ArrayList<>();
        history.inOrder(fromMs, end.toEpochMilli(), (hit, matched) -> alerts.addAll(detection.article(hit, matched)));
        alerts.addAll(detection.finish(end));
        return alerts;
    }
}
