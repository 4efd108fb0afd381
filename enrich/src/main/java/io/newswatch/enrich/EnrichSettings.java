package io.newswatch.enrich;

import io.newswatch.core.Check;
import io.newswatch.core.KafkaSettings;
import io.newswatch.core.Setting;
import io.newswatch.core.SettingType;
import io.newswatch.core.Settings;
import io.newswatch.core.SettingsDef;
import io.newswatch.core.StreamsApp;
import io.newswatch.core.Topics;
import io.newswatch.enrich.story.StoryIndex;
import io.newswatch.eventtime.WatermarkPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The enrich stage's settings, declared once in {@link #DEF} (documented in docs/CONFIGURATION-enrich.md).
 *
 * @param taxonomyPath        the taxonomy file ({@code enrich.taxonomy})
 * @param gazetteerDir        the gazetteer directory ({@code enrich.gazetteer})
 * @param streams             Kafka Streams application id (topic prefix + {@code enrich.application-id}) and state directory
 *                            ({@code enrich.state-dir}, default {@code <app.data-dir>/streams}), derived by {@link StreamsApp}
 * @param processingGuarantee {@code exactly_once_v2} or {@code at_least_once} ({@code enrich.processing-guarantee})
 * @param commitInterval      Kafka Streams commit interval, empty for Kafka's default ({@code enrich.commit-interval})
 * @param threads             stream threads in this instance ({@code enrich.threads})
 * @param dedupRetention      how long an article id, canonical link or GUID is remembered ({@code enrich.dedup-retention})
 * @param storyHorizon        how far apart in event time two copies of a story may be ({@code enrich.story-horizon})
 * @param storyMaxDistance    largest SimHash Hamming distance between copies of a story ({@code enrich.story-max-distance})
 * @param grace               how far out of event-time order an article may arrive within one raw partition and still be
 *                            deduplicated and given its story id in order ({@code enrich.grace}); every article waits this
 *                            long (in event time) before it is released, see docs/EVENT-TIME.md
 * @param idleAfter           a raw partition without an article for this long (wall clock) stops holding the others back
 *                            ({@code enrich.idle-after})
 * @param idleClock           when every raw partition is idle, event time moves on with the wall clock (minus the grace),
 *                            so a quiet spell still closes the buckets before it ({@code enrich.idle-clock}; replays turn
 *                            it off)
 * @param topics              the pipeline's topic names ({@code kafka.topic-prefix}), for Kafka's own dead-letter queue
 */
public record EnrichSettings(
        Path taxonomyPath,
        Path gazetteerDir,
        StreamsApp streams,
        String processingGuarantee,
        Optional<Duration> commitInterval,
        int threads,
        Duration dedupRetention,
        Duration storyHorizon,
        int storyMaxDistance,
        Duration grace,
        Duration idleAfter,
        boolean idleClock,
        Topics topics) {

    public static final SettingsDef DEF = new SettingsDef("enrich");
    public static final Setting<Path> TAXONOMY = DEF.define("enrich.taxonomy", SettingType.PATH, Path.of("config", "taxonomy.yaml"),
            "the taxonomy file (tags and rules)");
    public static final Setting<Path> GAZETTEER = DEF.define("enrich.gazetteer", SettingType.PATH, Path.of("config", "gazetteer"),
            "directory of gazetteer YAML files");
    public static final Setting<String> APPLICATION_ID = DEF.define("enrich.application-id", SettingType.STRING, "newswatch-enrich",
            "Kafka Streams application id, after the topic prefix");
    public static final Setting<String> PROCESSING_GUARANTEE = DEF.define("enrich.processing-guarantee",
            SettingType.oneOf(StreamsConfig.EXACTLY_ONCE_V2, StreamsConfig.AT_LEAST_ONCE), StreamsConfig.EXACTLY_ONCE_V2,
            "Kafka Streams processing guarantee");
    public static final Setting<Path> STATE_DIR = DEF.defineOptional("enrich.state-dir", SettingType.PATH, "<app.data-dir>/streams",
            "where Kafka Streams keeps local state");
    public static final Setting<Duration> COMMIT_INTERVAL = DEF.defineOptional("enrich.commit-interval", SettingType.DURATION,
            "Kafka's default", Check.positive(), "Kafka Streams commit interval");
    public static final Setting<Integer> THREADS = DEF.define("enrich.threads", SettingType.INT, 1, Check.atLeast(1),
            "stream threads in this instance");
    public static final Setting<Duration> DEDUP_RETENTION = DEF.define("enrich.dedup-retention", SettingType.DURATION, Duration.ofDays(7),
            Check.positive(), "how long an article id, canonical link or GUID is remembered");
    public static final Setting<Duration> STORY_HORIZON = DEF.define("enrich.story-horizon", SettingType.DURATION, Duration.ofHours(48),
            Check.positive(), "largest event-time gap between two copies of one story");
    public static final Setting<Integer> STORY_MAX_DISTANCE = DEF.define("enrich.story-max-distance", SettingType.INT, 6,
            Check.between(0, StoryIndex.MAX_DISTANCE_LIMIT), "largest SimHash Hamming distance between two copies of one story");
    public static final Setting<Duration> GRACE = DEF.define("enrich.grace", SettingType.DURATION, Duration.ofMinutes(5),
            Check.notNegative(), "how far out of event-time order an article may arrive within its raw partition");
    public static final Setting<Duration> IDLE_AFTER = DEF.define("enrich.idle-after", SettingType.DURATION, Duration.ofSeconds(30),
            Check.positive(), "a raw partition quiet this long stops holding the merge back");
    public static final Setting<Boolean> IDLE_CLOCK = DEF.define("enrich.idle-clock", SettingType.BOOLEAN, true,
            "when every raw partition is idle, event time follows the wall clock");

    /** Watermarks of the merge in front of dedup and story ids. */
    public WatermarkPolicy watermarkPolicy() {
        return WatermarkPolicy.derived(grace, idleAfter, idleClock);
    }

    public static EnrichSettings from(Settings settings) {
        return new EnrichSettings(
                settings.get(TAXONOMY),
                settings.get(GAZETTEER),
                StreamsApp.of(settings, APPLICATION_ID, STATE_DIR),
                settings.get(PROCESSING_GUARANTEE),
                settings.find(COMMIT_INTERVAL),
                settings.get(THREADS),
                settings.get(DEDUP_RETENTION),
                settings.get(STORY_HORIZON),
                settings.get(STORY_MAX_DISTANCE),
                settings.get(GRACE),
                settings.get(IDLE_AFTER),
                settings.get(IDLE_CLOCK),
                KafkaSettings.topics(settings));
    }

    /** Kafka Streams application id, topic prefix first ({@link StreamsApp}). */
    public String applicationId() {
        return streams.applicationId();
    }

    /** All defaults; paths relative to the working directory. */
    public static EnrichSettings defaults() {
        return from(Settings.empty());
    }
}
