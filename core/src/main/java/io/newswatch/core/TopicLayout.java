package io.newswatch.core;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How many partitions each pipeline topic gets and which topic configs, from settings with defaults.
 * Pure: nothing here talks to Kafka ({@link TopicProvisioner} does).
 *
 * <p>Settings, where {@code <name>} is one of {@code raw}, {@code enriched}, {@code alerts}, {@code watches},
 * {@code dlq}, {@code history}, {@code feeds}, {@code feed-state}, {@code feed-status}:
 * <ul>
 *   <li>{@code topics.<name>.partitions}: a whole number of at least 1.</li>
 *   <li>{@code topics.<name>.retention}: how long records are kept ({@code 7d}, {@code 36h}), or
 *       {@code forever}. Kafka deletes by record timestamp, which here is the article's event time, so a
 *       backtest that replays months-old articles needs {@code forever} (or a long retention) on its
 *       prefixed topics, or the broker deletes them right after they are written. Not allowed on
 *       {@code watches}, {@code history} and the three feed topics, which are compacted: the latest record per key is kept for
 *       as long as the key exists.</li>
 *   <li>{@code topics.feed-state.partitions} does not exist: the feed-state topic always gets the partitions of
 *       {@code feeds}, because an ingest instance reads the state of the feeds of feeds-partition N from state-partition N.</li>
 *   <li>{@code topics.replication-factor}: replicas per partition for new topics; unset means the
 *       cluster's {@code default.replication.factor} (1 on the embedded broker).</li>
 * </ul>
 *
 * <p>Why the defaults: raw and enriched carry every article, so they get the most partitions (6: room
 * for six ingest/enrich instances) and a week of history for replays; alerts are few and worth keeping
 * for a month; watches are a table (one record per watch id, compacted); the dead-letter topic is read by
 * people, so one partition keeps it in order, kept two weeks. History ({@code news.articles.history}, written by
 * {@code newswatch import}) has raw's partitions but is compacted by article id with no time-based retention:
 * its records carry months-old event times as timestamps, so a 7-day retention would delete them within
 * minutes of the import, and compaction by id turns a re-import of the same file into a no-op. The feeds topic
 * ({@code news.feeds}) is a table of the feeds to poll whose partitions are how ingest instances share the feeds
 * (6: room for six instances, like raw); {@code news.feed-state} is each feed's polling state with the same key and
 * partitions; {@code news.feed-status} is the latest health report per feed (1 partition: few records, read by people).
 * Compression is left to the producers
 * (topic {@code compression.type=producer}): a topic-level codec would make the broker re-compress every
 * batch a client sent with another codec.
 */
public record TopicLayout(List<TopicSpec> topics, Optional<Short> replicationFactor) {

    public static final String PREFIX = "topics.";
    public static final String REPLICATION_FACTOR = PREFIX + "replication-factor";

    private static final String FEEDS = "feeds";
    private static final String FEED_STATE = "feed-state";

    /** Written as a retention value, keeps records forever ({@code retention.ms=-1}). */
    public static final String FOREVER = "forever";

    /**
     * One topic: {@code key} is the short name used in settings ({@code raw}), {@code name} the full topic
     * name with any prefix, {@code configs} the topic configs to create it with.
     */
    public record TopicSpec(String key, String name, int partitions, Map<String, String> configs) {
        public TopicSpec {
            if (partitions < 1) {
                throw new IllegalArgumentException("topic " + name + ": partitions must be at least 1, got " + partitions);
            }
            configs = Map.copyOf(configs);
        }
    }

    /** Default layout of one topic, before settings apply. */
    private record Default(String key, int partitions, Optional<Duration> retention, Map<String, String> configs) {
    }

    private static final Map<String, String> COMPACTED = Map.of(
            "cleanup.policy", "compact",
            // Compaction only touches closed segments; roll daily so a small table topic is compacted at all.
            "segment.ms", Long.toString(Duration.ofDays(1).toMillis()));

    private static List<Default> defaults() {
        return List.of(
                new Default("raw", 6, Optional.of(Duration.ofDays(7)), Map.of()),
                new Default("enriched", 6, Optional.of(Duration.ofDays(7)), Map.of()),
                new Default("alerts", 3, Optional.of(Duration.ofDays(30)), Map.of()),
                new Default("watches", 1, Optional.empty(), COMPACTED),
                new Default("dlq", 1, Optional.of(Duration.ofDays(14)), Map.of()),
                new Default("history", 6, Optional.empty(), COMPACTED),
                new Default(FEEDS, 6, Optional.empty(), COMPACTED),
                new Default(FEED_STATE, 6, Optional.empty(), COMPACTED),
                new Default("feed-status", 1, Optional.empty(), COMPACTED));
    }

    public TopicLayout {
        topics = List.copyOf(topics);
    }

    /** The defaults above, for the given topic names. */
    public static TopicLayout defaults(Topics topics) {
        return from(Settings.empty(), topics);
    }

    /**
     * The layout for {@code topics}, with partitions, retention and replication factor from settings.
     *
     * @throws SettingsException naming the key when a value is not valid
     */
    public static TopicLayout from(Settings settings, Topics topics) {
        List<TopicSpec> specs = defaults().stream().map(d -> spec(settings, d, nameOf(topics, d.key()))).toList();
        Optional<Short> replicationFactor = Optional.empty();
        if (settings.has(REPLICATION_FACTOR)) {
            int rf = settings.integer(REPLICATION_FACTOR, 1);
            if (rf < 1 || rf > Short.MAX_VALUE) {
                throw new SettingsException("config key " + REPLICATION_FACTOR + ": expected a whole number of at least 1, got " + rf);
            }
            replicationFactor = Optional.of((short) rf);
        }
        return new TopicLayout(specs, replicationFactor);
    }

    /** This layout cut down to the named topics (full names), for a command that needs only a few of them. */
    public TopicLayout only(Collection<String> topicNames) {
        return new TopicLayout(topics.stream().filter(t -> topicNames.contains(t.name())).toList(), replicationFactor);
    }

    /** The spec of a topic by its full name. */
    public Optional<TopicSpec> find(String topicName) {
        return topics.stream().filter(t -> t.name().equals(topicName)).findFirst();
    }

    private static TopicSpec spec(Settings settings, Default d, String name) {
        String partitionsKey = PREFIX + d.key() + ".partitions";
        String retentionKey = PREFIX + d.key() + ".retention";
        if (d.key().equals(FEED_STATE)) {
            if (settings.has(partitionsKey)) {
                throw new SettingsException("config key " + partitionsKey + ": topic " + name
                        + " always has the partitions of the feeds topic"
                        + " (its state is read partition by partition beside it); set " + PREFIX + FEEDS + ".partitions instead");
            }
            partitionsKey = PREFIX + FEEDS + ".partitions";
        }
        int partitions = settings.integer(partitionsKey, d.partitions());
        if (partitions < 1) {
            throw new SettingsException("config key " + partitionsKey + ": expected a whole number of at least 1, got " + partitions);
        }
        Map<String, String> configs = new LinkedHashMap<>(d.configs());
        if (d.retention().isEmpty()) {
            if (settings.has(retentionKey)) {
                throw new SettingsException("config key " + retentionKey + ": topic " + name
                        + " is compacted and keeps the latest record per key; retention does not apply, remove the key");
            }
        } else {
            configs.put("retention.ms", Long.toString(retentionMillis(settings, retentionKey, d.retention().get())));
        }
        return new TopicSpec(d.key(), name, partitions, configs);
    }

    private static long retentionMillis(Settings settings, String key, Duration defaultValue) {
        if (settings.find(key).map(v -> v.toLowerCase(Locale.ROOT).equals(FOREVER)).orElse(false)) {
            return -1;
        }
        Duration retention;
        try {
            retention = settings.duration(key, defaultValue);
        } catch (SettingsException e) {
            throw new SettingsException(e.getMessage() + "; '" + FOREVER + "' keeps records forever", e);
        }
        if (retention.isNegative() || retention.isZero()) {
            throw new SettingsException("config key " + key + ": retention must be positive (or " + FOREVER + "), got " + retention);
        }
        return retention.toMillis();
    }

    private static String nameOf(Topics topics, String key) {
        return switch (key) {
            case "raw" -> topics.raw();
            case "enriched" -> topics.enriched();
            case "alerts" -> topics.alerts();
            case "watches" -> topics.watches();
            case "dlq" -> topics.dlq();
            case "history" -> topics.history();
            case FEEDS -> topics.feeds();
            case FEED_STATE -> topics.feedState();
            case "feed-status" -> topics.feedStatus();
            default -> throw new IllegalArgumentException("no topic " + key);
        };
    }
}
