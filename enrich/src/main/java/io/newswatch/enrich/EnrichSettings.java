package io.newswatch.enrich;

import io.newswatch.core.KafkaSettings;
import io.newswatch.core.Settings;
import io.newswatch.core.SettingsException;
import io.newswatch.enrich.story.StoryIndex;
import io.newswatch.eventtime.WatermarkPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The enrich stage's settings, read from the {@code enrich.} keys (documented in docs/CONFIGURATION-enrich.md).
 *
 * @param taxonomyPath        the taxonomy file ({@code enrich.taxonomy})
 * @param gazetteerDir        the gazetteer directory ({@code enrich.gazetteer})
 * @param applicationId       Kafka Streams application id: the topic prefix + {@code enrich.application-id} (default newswatch-enrich)
 * @param processingGuarantee {@code exactly_once_v2} or {@code at_least_once} ({@code enrich.processing-guarantee})
 * @param stateDir            where Kafka Streams keeps local state ({@code enrich.state-dir}, default {@code <app.data-dir>/streams})
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
 * @param topicPrefix         the pipeline's topic prefix ({@code kafka.topic-prefix}), for the application id and the DLQ
 */
public record EnrichSettings(
        Path taxonomyPath,
        Path gazetteerDir,
        String applicationId,
        String processingGuarantee,
        Path stateDir,
        Optional<Duration> commitInterval,
        int threads,
        Duration dedupRetention,
        Duration storyHorizon,
        int storyMaxDistance,
        Duration grace,
        Duration idleAfter,
        boolean idleClock,
        String topicPrefix) {

    public static final String TAXONOMY = "enrich.taxonomy";
    public static final String GAZETTEER = "enrich.gazetteer";
    public static final String APPLICATION_ID = "enrich.application-id";
    public static final String PROCESSING_GUARANTEE = "enrich.processing-guarantee";
    public static final String STATE_DIR = "enrich.state-dir";
    public static final String COMMIT_INTERVAL = "enrich.commit-interval";
    public static final String THREADS = "enrich.threads";
    public static final String DEDUP_RETENTION = "enrich.dedup-retention";
    public static final String STORY_HORIZON = "enrich.story-horizon";
    public static final String STORY_MAX_DISTANCE = "enrich.story-max-distance";
    public static final String GRACE = "enrich.grace";
    public static final String IDLE_AFTER = "enrich.idle-after";
    public static final String IDLE_CLOCK = "enrich.idle-clock";

    public static final String DEFAULT_APPLICATION_ID = "newswatch-enrich";
    public static final Duration DEFAULT_DEDUP_RETENTION = Duration.ofDays(7);
    public static final Duration DEFAULT_STORY_HORIZON = Duration.ofHours(48);
    public static final int DEFAULT_STORY_MAX_DISTANCE = 6;
    public static final Duration DEFAULT_GRACE = Duration.ofMinutes(5);
    public static final Duration DEFAULT_IDLE_AFTER = Duration.ofSeconds(30);

    public EnrichSettings {
        if (!processingGuarantee.equals(StreamsConfig.EXACTLY_ONCE_V2) && !processingGuarantee.equals(StreamsConfig.AT_LEAST_ONCE)) {
            throw new SettingsException("config key " + PROCESSING_GUARANTEE + ": expected exactly_once_v2 or at_least_once, got '"
                    + processingGuarantee + "'");
        }
        if (threads < 1) {
            throw new SettingsException("config key " + THREADS + ": expected at least 1, got " + threads);
        }
        if (dedupRetention.isNegative() || dedupRetention.isZero()) {
            throw new SettingsException("config key " + DEDUP_RETENTION + ": expected a positive duration, got " + dedupRetention);
        }
        if (storyHorizon.isNegative() || storyHorizon.isZero()) {
            throw new SettingsException("config key " + STORY_HORIZON + ": expected a positive duration, got " + storyHorizon);
        }
        if (storyMaxDistance < 0 || storyMaxDistance > StoryIndex.MAX_DISTANCE_LIMIT) {
            throw new SettingsException("config key " + STORY_MAX_DISTANCE + ": expected 0 to " + StoryIndex.MAX_DISTANCE_LIMIT
                    + " bits, got " + storyMaxDistance);
        }
        if (grace.isNegative()) {
            throw new SettingsException("config key " + GRACE + ": expected a duration >= 0, got " + grace);
        }
        if (idleAfter.isNegative() || idleAfter.isZero()) {
            throw new SettingsException("config key " + IDLE_AFTER + ": expected a positive duration, got " + idleAfter);
        }
    }

    /** Watermarks of the merge in front of dedup and story ids. */
    public WatermarkPolicy watermarkPolicy() {
        return WatermarkPolicy.derived(grace, idleAfter, idleClock);
    }

    public static EnrichSettings from(Settings settings) {
        String prefix = settings.string(KafkaSettings.TOPIC_PREFIX, "");
        return new EnrichSettings(
                settings.path(TAXONOMY, Path.of("config", "taxonomy.yaml")),
                settings.path(GAZETTEER, Path.of("config", "gazetteer")),
                // The prefix always goes first, as for alerts: a backtest must never share live's group, state or topics.
                prefix + settings.string(APPLICATION_ID, DEFAULT_APPLICATION_ID),
                settings.string(PROCESSING_GUARANTEE, StreamsConfig.EXACTLY_ONCE_V2).toLowerCase(Locale.ROOT),
                settings.path(STATE_DIR, Path.of(settings.string("app.data-dir", "data"), "streams")),
                settings.has(COMMIT_INTERVAL) ? Optional.of(settings.duration(COMMIT_INTERVAL, Duration.ZERO)) : Optional.empty(),
                settings.integer(THREADS, 1),
                settings.duration(DEDUP_RETENTION, DEFAULT_DEDUP_RETENTION),
                settings.duration(STORY_HORIZON, DEFAULT_STORY_HORIZON),
                settings.integer(STORY_MAX_DISTANCE, DEFAULT_STORY_MAX_DISTANCE),
                settings.duration(GRACE, DEFAULT_GRACE),
                settings.duration(IDLE_AFTER, DEFAULT_IDLE_AFTER),
                settings.bool(IDLE_CLOCK, true),
                prefix);
    }

    /** All defaults; paths relative to the working directory. */
    public static EnrichSettings defaults() {
        return from(Settings.empty());
    }
}
