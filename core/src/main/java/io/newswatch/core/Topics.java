package io.newswatch.core;

import java.util.List;
import java.util.regex.Pattern;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The topic names of one pipeline. A prefix lets a backtest run beside live on the same cluster:
 * prefix {@code backtest.} gives {@code backtest.news.articles.raw} and so on.
 */
public record Topics(String prefix) {

    public static final String RAW = "news.articles.raw";
    public static final String ENRICHED = "news.articles.enriched";
    public static final String ALERTS = "news.alerts";
    public static final String WATCHES = "news.watches";
    public static final String DLQ = "news.dlq";
    /** Imported history ({@code newswatch import}): compacted by article id and kept forever, see {@link TopicLayout}. */
    public static final String HISTORY = "news.articles.history";
    /** The feeds ingest polls: compacted, key = feed location, value = the feed, tombstone = removed. */
    public static final String FEEDS = "news.feeds";
    /** Each feed's polling state (validators, seen ids, interval, errors): compacted, co-partitioned with {@link #FEEDS}. */
    public static final String FEED_STATE = "news.feed-state";
    /** Feed health changes (failing, silent, healthy again), keyed by feed location, for users and the alerts stage. */
    public static final String FEED_STATUS = "news.feed-status";

    private static final Pattern LEGAL = Pattern.compile("[a-zA-Z0-9._-]*");

    private static final Serde<String> KEYS = Serdes.String();

    public Topics {
        prefix = prefix == null ? "" : prefix;
        if (!LEGAL.matcher(prefix).matches()) {
            throw new IllegalArgumentException("topic prefix '" + prefix + "' may hold only letters, digits, '.', '_' and '-'");
        }
    }

    public static Topics defaults() {
        return new Topics("");
    }

    public String raw() {
        return prefix + RAW;
    }

    public String enriched() {
        return prefix + ENRICHED;
    }

    public String alerts() {
        return prefix + ALERTS;
    }

    public String watches() {
        return prefix + WATCHES;
    }

    public String dlq() {
        return prefix + DLQ;
    }

    public String history() {
        return prefix + HISTORY;
    }

    public String feeds() {
        return prefix + FEEDS;
    }

    public String feedState() {
        return prefix + FEED_STATE;
    }

    public String feedStatus() {
        return prefix + FEED_STATUS;
    }

    /** {@link #feedStatus()}: feed health changes, keyed by feed location (compacted). */
    public Topic<String, FeedStatus> feedStatusRecords() {
        return new Topic<>(feedStatus(), KEYS, RecordSerdes.FEED_STATUS);
    }

    /** {@link #raw()}: articles as ingest found them, keyed by article id. */
    public Topic<String, Article> rawArticles() {
        return new Topic<>(raw(), KEYS, RecordSerdes.ARTICLE);
    }

    /** {@link #history()}: imported articles, keyed by article id (compacted). */
    public Topic<String, Article> historyArticles() {
        return new Topic<>(history(), KEYS, RecordSerdes.ARTICLE);
    }

    /** {@link #enriched()}: articles with tags, entities and story ids, keyed by article id. */
    public Topic<String, EnrichedArticle> enrichedArticles() {
        return new Topic<>(enriched(), KEYS, RecordSerdes.ENRICHED_ARTICLE);
    }

    /** A topic of raw articles named in full by a user ({@code newswatch import --topic}). */
    public static Topic<String, Article> articlesOn(String fullName) {
        return new Topic<>(fullName, KEYS, RecordSerdes.ARTICLE);
    }

    /** A topic of enriched articles named in full by a user (a replay's, under its own prefix). */
    public static Topic<String, EnrichedArticle> enrichedArticlesOn(String fullName) {
        return new Topic<>(fullName, KEYS, RecordSerdes.ENRICHED_ARTICLE);
    }

    /** {@link #alerts()}: alert lifecycle events, keyed by watch id. */
    public Topic<String, Alert> alertEvents() {
        return alertEvents(alerts());
    }

    /** A watch's own output topic ({@link #own}), which carries the same alert events as {@link #alerts()}. */
    public Topic<String, Alert> alertEvents(String name) {
        return new Topic<>(own(name), KEYS, RecordSerdes.ALERT);
    }

    /** {@link #watches()}: the watches, keyed by watch id (compacted; a tombstone removes a watch); validate one before use. */
    public Topic<String, WatchInput> watchTable() {
        return new Topic<>(watches(), KEYS, RecordSerdes.WATCH);
    }

    public List<String> all() {
        return List.of(raw(), enriched(), alerts(), watches(), dlq(), history(), feeds(), feedState(), feedStatus());
    }

    /**
     * A topic of this pipeline's own that a user named (a watch's output topic): under the prefix like every
     * other topic. A name that already starts with the prefix is kept, so a name can be resolved twice.
     */
    public String own(String name) {
        return name.startsWith(prefix) ? name : prefix + name;
    }

    /**
     * Resolves a name a user typed: a full topic name is kept, a short name of ours
     * ({@code news.alerts}) gets the prefix.
     */
    public String resolve(String name) {
        return switch (name) {
            case RAW, ENRICHED, ALERTS, WATCHES, DLQ, HISTORY, FEEDS, FEED_STATE, FEED_STATUS -> prefix + name;
            default -> name;
        };
    }
}
