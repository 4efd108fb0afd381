package io.newswatch.app.backtest;

import io.newswatch.alerts.watch.InvalidWatchException;
import io.newswatch.alerts.watch.WatchMatcher;
import io.newswatch.alerts.watch.WatchSetMatcher;
import io.newswatch.alerts.watch.WatchStore;
import io.newswatch.alerts.watch.WatchValidator;
import io.newswatch.app.cli.UsageException;
import io.newswatch.app.tail.TopicTail;
import io.newswatch.core.Alert;
import io.newswatch.core.EnrichedArticle;
import io.newswatch.core.Topic;
import io.newswatch.core.Topics;
import io.newswatch.core.Watch;
import io.newswatch.core.WatchInput;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Reads what a backtest left under its topic prefix, each topic from its start to its end as it is when read: the
 * watches (the prefix's watches topic, as the replay seeded it, or a given list), the enriched articles, matched
 * against the watches here with the alerts stage's own {@link WatchSetMatcher} (the alerts topic says when alerts
 * opened, not how much coverage there was), and the alert events. Enrich's watermark records are left out by the
 * topic reader; undecodable records are counted and named in the notes.
 */
public final class BacktestReader {

    private static final Duration WATCHES_TIMEOUT = Duration.ofSeconds(30);
    private static final long PROGRESS_EVERY = 20_000;

    private final Properties clientProperties;
    private final WatchValidator validator;
    private final Consumer<String> progress;

    /**
     * @param validator fills the defaults of watches and refuses bad ones
     * @param progress  receives a line now and then while a large topic is read
     */
    public BacktestReader(Properties clientProperties, WatchValidator validator, Consumer<String> progress) {
        this.clientProperties = clientProperties;
        this.validator = validator;
        this.progress = progress;
    }

    /**
     * @param given the watches to judge, or null for those on the backtest's watches topic
     * @param since first instant of the report (its UTC day), or null for the stream's start
     * @param until end of the report, exclusive, or null for the stream's end
     */
    public BacktestData read(String prefix, List<WatchInput> given, Instant since, Instant until) {
        Topics topics = new Topics(prefix);
        List<String> notes = new ArrayList<>();
        List<Watch> watches = given != null ? validated(given, "the watches file", notes) : fromTopic(topics, notes);
        if (given != null) {
            noteWatchesTheReplayLacked(topics, watches, notes);
        }
        TopicTail tail = new TopicTail(clientProperties);
        MatchTally tally = new MatchTally();
        long[] undecodable = new long[1];
        long[] read = new long[1];
        List<WatchMatcher> matchers = watches.stream().map(WatchMatcher::of).toList();
        try (WatchSetMatcher matcher = WatchSetMatcher.of(matchers)) {
            tail.readToEnd(topics.enriched(), record -> {
                EnrichedArticle a = decode(topics.enrichedArticles(), record.value());
                if (a == null || a.article() == null) {
                    undecodable[0]++;
                    return;
                }
                Instant time = a.article().eventTime() != null ? a.article().eventTime() : Instant.ofEpochMilli(record.timestamp());
                tally.add(time, matcher.matches(a));
                if (++read[0] % PROGRESS_EVERY == 0) {
                    progress.accept("reading " + topics.enriched() + ": " + read[0] + " articles");
                }
            });
        } finally {
            matchers.forEach(WatchMatcher::close);
        }
        if (undecodable[0] > 0) {
            notes.add(undecodable[0] + " records of " + topics.enriched() + " could not be read as enriched articles and are left out");
        }
        List<Alert> alerts = alerts(topics, watches, notes);
        progress.accept("read " + read[0] + " enriched articles and " + alerts.size() + " alert events under " + prefix);
        return tally.build(prefix, watches, alerts, since, until, notes);
    }

    private List<Watch> fromTopic(Topics topics, List<String> notes) {
        Map<String, WatchInput> stored;
        try (WatchStore store = new WatchStore(clientProperties, topics)) {
            stored = store.list(WATCHES_TIMEOUT);
        }
        if (stored.isEmpty()) {
            throw new UsageException("no watches on " + topics.watches() + " (is " + topics.prefix() + " the prefix of a replay?); "
                    + "give them with --watches FILE");
        }
        return validated(List.copyOf(stored.values()), topics.watches(), notes);
    }

    /** A watch given by file that the replay did not run can have no alerts: a reader must not take that for silence. */
    private void noteWatchesTheReplayLacked(Topics topics, List<Watch> watches, List<String> notes) {
        Map<String, WatchInput> replayed;
        try (WatchStore store = new WatchStore(clientProperties, topics)) {
            replayed = store.list(WATCHES_TIMEOUT);
        }
        List<String> lacking = watches.stream().map(Watch::id).filter(id -> !replayed.containsKey(id)).toList();
        if (!lacking.isEmpty()) {
            notes.add("not on " + topics.watches() + ", so the replay raised no alerts for them (their counts are still judged): "
                    + String.join(", ", lacking));
        }
    }

    /** Valid, enabled watches, with defaults filled; the others are named in the notes. */
    private List<Watch> validated(List<WatchInput> watches, String origin, List<String> notes) {
        List<Watch> out = new ArrayList<>();
        List<String> disabled = new ArrayList<>();
        for (WatchInput w : watches) {
            try {
                Watch valid = validator.validate(w);
                if (!valid.enabled()) {
                    disabled.add(valid.id());
                } else {
                    out.add(valid);
                }
            } catch (InvalidWatchException e) {
                notes.add("watch left out, invalid on " + origin + ": " + e.getMessage());
            }
        }
        if (!disabled.isEmpty()) {
            notes.add("disabled watches left out: " + String.join(", ", disabled));
        }
        out.sort((a, b) -> a.id().compareTo(b.id()));
        return out;
    }

    private List<Alert> alerts(Topics topics, List<Watch> watches, List<String> notes) {
        Set<String> ids = watches.stream().map(Watch::id).collect(Collectors.toSet());
        List<Alert> alerts = new ArrayList<>();
        Set<String> others = new TreeSet<>();
        long[] skipped = new long[2];
        new TopicTail(clientProperties).readToEnd(topics.alerts(), record -> {
            Alert a = decode(topics.alertEvents(), record.value());
            if (a == null || a.watchId() == null || a.status() == null || a.eventTime() == null) {
                skipped[0]++;
            } else if (!ids.contains(a.watchId())) {
                others.add(a.watchId());
                skipped[1]++;
            } else {
                alerts.add(a);
            }
        });
        if (skipped[0] > 0) {
            notes.add(skipped[0] + " records of " + topics.alerts() + " could not be read as alerts and are left out");
        }
        if (skipped[1] > 0) {
            notes.add(skipped[1] + " alert events of watches not judged here are left out: " + String.join(", ", others));
        }
        return alerts;
    }

    /** The record's value as a {@code T}, or null when it is empty or not one. */
    static <T> T decode(Topic<?, T> topic, byte[] value) {
        if (value == null) {
            return null;
        }
        try {
            return topic.value(value);
        } catch (SerializationException e) {
            return null;
        }
    }
}
