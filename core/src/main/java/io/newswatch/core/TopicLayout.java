package io.newswatch.core;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
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

    private static final String FEEDS = "feeds";
    private static final String FEED_STATE = "feed-state";

    /** Written as a retention value, keeps records forever ({@code retention.ms=-1}). */
    public static final String FOREVER = "forever";

    /** A retention in milliseconds, or -1 for {@value #FOREVER}. */
    private static final SettingType<Long> RETENTION = new SettingType<>(SettingType.DURATION.expected() + ", or " + FOREVER,
            text -> text.equalsIgnoreCase(FOREVER) ? -1L : Settings.parseDuration(text).toMillis(),
            ms -> ms == -1 ? FOREVER : SettingType.formatDuration(Duration.ofMillis(ms)));

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

    private static final List<Default> DEFAULTS = List.of(
                new Default("raw", 6, Optional.of(Duration.ofDays(7)), Map.of()),
                new Default("enriched", 6, Optional.of(Duration.ofDays(7)), Map.of()),
                new Default("alerts", 3, Optional.of(Duration.ofDays(30)), Map.of()),
                new Default("watches", 1, Optional.empty(), COMPACTED),
                new Default("dlq", 1, Optional.of(Duration.ofDays(14)), Map.of()),
                new Default("history", 6, Optional.empty(), COMPACTED),
                new Default(FEEDS, 6, Optional.empty(), COMPACTED),
                new Default(FEED_STATE, 6, Optional.empty(), COMPACTED),
                new Default("feed-status", 1, Optional.empty(), COMPACTED));

    public static final SettingsDef DEF = new SettingsDef("topics");
    public static final Setting<Integer> REPLICATION_FACTOR = DEF.defineOptional("topics.replication-factor", SettingType.INT,
            "the cluster's default.replication.factor", Check.between(1, Short.MAX_VALUE), "replicas per partition of new topics");
    private static final Map<String, Setting<Integer>> PARTITIONS = new LinkedHashMap<>();
    private static final Map<String, Setting<Long>> RETENTIONS = new LinkedHashMap<>();

    static {
        // Compacted topics keep the latest record per key for as long as the key exists: they have no retention key.
        // The feed-state topic has no partitions key: it always gets the feeds topic's, since an ingest instance reads
        // the state of feeds-partition N from state-partition N.
        for (Default d : DEFAULTS) {
            if (d.key().equals(FEED_STATE)) {
                continue;
            }
            PARTITIONS.put(d.key(), DEF.define("topics." + d.key() + ".partitions", SettingType.INT, d.partitions(), Check.atLeast(1),
                    "partitions of the " + d.key() + " topic"));
            d.retention().ifPresent(r -> RETENTIONS.put(d.key(), DEF.define("topics." + d.key() + ".retention", RETENTION, r.toMillis(),
                    ms -> ms == -1 || ms > 0 ? null : "expected a positive duration or " + FOREVER, "how long the " + d.key()
                            + " topic keeps records")));
        }
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
        List<TopicSpec> specs = DEFAULTS.stream().map(d -> spec(settings, d, nameOf(topics, d.key()))).toList();
        return new TopicLayout(specs, settings.find(REPLICATION_FACTOR).map(Integer::shortValue));
    }

    /** {@code topics.<key>.partitions}, for {@code key} {@code raw}, {@code enriched} and so on. */
    public static Setting<Integer> partitions(String key) {
        return declared(PARTITIONS, key, "partitions");
    }

    /** {@code topics.<key>.retention}; compacted topics ({@code watches}, {@code history}) have none. */
    public static Setting<Long> retention(String key) {
        return declared(RETENTIONS, key, "retention");
    }

    private static <T> Setting<T> declared(Map<String, Setting<T>> settings, String key, String what) {
        Setting<T> setting = settings.get(key);
        if (setting == null) {
            throw new IllegalArgumentException("topic " + key + " has no " + what + " setting");
        }
        return setting;
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
        Map<String, String> configs = new LinkedHashMap<>(d.configs());
        if (RETENTIONS.containsKey(d.key())) {
            configs.put("retention.ms", Long.toString(settings.get(RETENTIONS.get(d.key()))));
        }
        return new TopicSpec(d.key(), name, settings.get(PARTITIONS.get(d.key().equals(FEED_STATE) ? FEEDS : d.key())), configs);
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
