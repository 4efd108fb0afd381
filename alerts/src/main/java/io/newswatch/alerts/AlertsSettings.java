package io.newswatch.alerts;

import io.newswatch.alerts.detect.DetectorParams;
import io.newswatch.alerts.detect.InMemoryDetection;
import io.newswatch.alerts.detect.StreamVolume;
import io.newswatch.alerts.watch.WatchDefaults;
import io.newswatch.alerts.watch.WatchValidator;
import io.newswatch.core.Check;
import io.newswatch.core.KafkaSettings;
import io.newswatch.core.Setting;
import io.newswatch.core.SettingType;
import io.newswatch.core.Settings;
import io.newswatch.core.SettingsDef;
import io.newswatch.core.StreamsApp;
import io.newswatch.core.Topics;
import io.newswatch.core.Watch;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The alerts stage's settings, declared once in {@link #DEF} (documented in
 * docs/CONFIGURATION-alerts.md). Every value has a default, so {@code AlertsSettings.from(Settings.empty())} runs.
 *
 * @param watchesFile          YAML file of watches seeded into the watches topic at start
 * @param streams              Kafka Streams application id (topic prefix included) and state directory ({@link StreamsApp})
 * @param processingGuarantee  {@code exactly_once_v2} (default) or {@code at_least_once}
 * @param commitInterval       Streams commit interval: with exactly-once an alert is visible to read_committed
 *                             consumers only after the commit, so this bounds alert latency
 * @param watchDefaults        values for fields a watch leaves out
 * @param tuning               detector knobs shared by all watches
 * @param webhook              delivery settings
 * @param topics               the pipeline's topic names ({@code kafka.topic-prefix}), for Kafka's own dead-letter queue
 */
public record AlertsSettings(
        Path watchesFile,
        StreamsApp streams,
        String processingGuarantee,
        Duration commitInterval,
        WatchDefaults watchDefaults,
        DetectorTuning tuning,
        WebhookSettings webhook,
        Topics topics) {

    public static final SettingsDef DEF = new SettingsDef("alerts");
    public static final Setting<Path> WATCHES_FILE = DEF.define("alerts.watches-file", SettingType.PATH, Path.of("config", "watches.yaml"),
            "watches seeded into the watches topic at start");
    public static final Setting<Boolean> LEARN_AT_START = DEF.define("alerts.learn-at-start", SettingType.BOOLEAN, true,
            "new or changed watches of the watches file learn their baseline from the stored enriched history at start");
    public static final Setting<String> APPLICATION_ID = DEF.define("alerts.application-id", SettingType.STRING, "newswatch-alerts",
            "Kafka Streams application id, after the topic prefix");
    public static final Setting<String> PROCESSING_GUARANTEE = DEF.define("alerts.processing-guarantee",
            SettingType.oneOf("exactly_once_v2", "at_least_once"), "exactly_once_v2", "Kafka Streams processing guarantee");
    public static final Setting<Duration> COMMIT_INTERVAL = DEF.define("alerts.commit-interval", SettingType.DURATION,
            Duration.ofMillis(100), Check.positive(), "Kafka Streams commit interval; bounds alert latency under exactly-once");

    public static final Setting<Duration> DEFAULT_BUCKET = DEF.define("alerts.defaults.bucket", SettingType.DURATION,
            Duration.ofMinutes(10), "bucket width of watches that set none");
    public static final Setting<Duration> DEFAULT_BASELINE = DEF.define("alerts.defaults.baseline", SettingType.DURATION,
            Duration.ofDays(7), "mean age of the history a watch's baseline is learned from");
    public static final Setting<Double> DEFAULT_SENSITIVITY = DEF.define("alerts.defaults.sensitivity", SettingType.DOUBLE, 2.5,
            "score at which an alert opens");
    public static final Setting<Integer> DEFAULT_MIN_ARTICLES = DEF.define("alerts.defaults.min-articles", SettingType.INT, 5,
            "fewest counted stories in a window before it may open an alert");
    public static final Setting<Integer> DEFAULT_MIN_SOURCES = DEF.define("alerts.defaults.min-sources", SettingType.INT, 3,
            "fewest distinct sources in a window before it may open an alert");
    public static final Setting<Duration> DEFAULT_COOLDOWN = DEF.define("alerts.defaults.cooldown", SettingType.DURATION,
            Duration.ofHours(1), "after RESOLVED, no new OPENED for this long");

    public static final Setting<List<Duration>> SCALES = DEF.define("alerts.detector.scales", SettingType.listOf(SettingType.DURATION),
            List.of(Duration.ofMinutes(10), Duration.ofHours(2), Duration.ofHours(6), Duration.ofDays(1)), AlertsSettings::scalesProblem,
            "windows judged each time a bucket closes");
    public static final Setting<Double> FLOOR_PER_DAY = DEF.define("alerts.detector.floor-per-day", SettingType.DOUBLE, 2.0,
            Check.aboveZero(), "the expected count never goes below this rate");
    public static final Setting<Double> DISPERSION = DEF.define("alerts.detector.dispersion", SettingType.DOUBLE, 0.15,
            Check.aboveZero(), "negative binomial overdispersion k");
    public static final Setting<Duration> WARM_UP = DEF.define("alerts.detector.warm-up", SettingType.DURATION, Duration.ofDays(1),
            "until a baseline rests on this much history, only the shortest window may open an alert");
    public static final Setting<Integer> SOURCE_CAP = DEF.define("alerts.detector.source-cap", SettingType.INT, 3, Check.atLeast(1),
            "stories per source per bucket that count towards the score");
    public static final Setting<Double> RESOLVE_SCORE = DEF.define("alerts.detector.resolve-score", SettingType.DOUBLE, 2.0,
            "coverage is back near baseline while every window scores below this");
    public static final Setting<Duration> QUIET_FOR = DEF.define("alerts.detector.quiet-for", SettingType.DURATION, Duration.ofDays(1),
            "an alert resolves once coverage has been near baseline this long");
    public static final Setting<Duration> UPDATE_EVERY = DEF.define("alerts.detector.update-every", SettingType.DURATION,
            Duration.ofHours(1), "at most one lifecycle event of one alert per this much event time");
    public static final Setting<Double> ESCALATION = DEF.define("alerts.detector.escalation", SettingType.DOUBLE, 2.0, Check.above(1),
            "factor between UPDATED tiers of the score");
    public static final Setting<Integer> TOP_ARTICLES = DEF.define("alerts.detector.top-articles", SettingType.INT, 5,
            "evidence articles per alert");

    public static final Setting<URI> WEBHOOK_URL = DEF.defineOptional("alerts.webhook.url",
            new SettingType<>("an http(s) URL", WatchValidator::webhookUri, URI::toString).asSecret(), "(none)",
            "URL that receives every alert, besides each watch's own");
    public static final Setting<String> WEBHOOK_GROUP_ID = DEF.define("alerts.webhook.group-id", SettingType.STRING,
            "newswatch-alerts-webhooks", "consumer group of the dispatcher, after the topic prefix");
    public static final Setting<Duration> WEBHOOK_CONNECT_TIMEOUT = DEF.define("alerts.webhook.connect-timeout", SettingType.DURATION,
            Duration.ofSeconds(5), Check.positive(), "TCP connect timeout per attempt");
    public static final Setting<Duration> WEBHOOK_REQUEST_TIMEOUT = DEF.define("alerts.webhook.request-timeout", SettingType.DURATION,
            Duration.ofSeconds(10), Check.positive(), "whole-request timeout per attempt");
    public static final Setting<Integer> WEBHOOK_MAX_ATTEMPTS = DEF.define("alerts.webhook.max-attempts", SettingType.INT, 6,
            Check.atLeast(1), "attempts before a delivery goes to the dead-letter topic");
    public static final Setting<Duration> WEBHOOK_INITIAL_BACKOFF = DEF.define("alerts.webhook.initial-backoff", SettingType.DURATION,
            Duration.ofSeconds(1), "wait before the second attempt; doubles per attempt");
    public static final Setting<Duration> WEBHOOK_MAX_BACKOFF = DEF.define("alerts.webhook.max-backoff", SettingType.DURATION,
            Duration.ofMinutes(1), "longest wait between attempts");
    public static final Setting<Integer> WEBHOOK_QUEUE_CAPACITY = DEF.define("alerts.webhook.queue-capacity", SettingType.INT, 1000,
            Check.atLeast(1), "pending deliveries per webhook URL");

    /**
     * Detector knobs shared by all watches (docs/ALERTS.md explains each).
     *
     * @param scales        the time scales coverage is judged at (a watch's bucket is its shortest)
     * @param floorPerDay   expected count never below this rate (a first mention after silence)
     * @param dispersion    extra variance of counts, {@code var = mu + k mu^2}
     * @param warmUp        until a watch's baseline rests on this much history, only its shortest window may open an alert
     * @param sourceCap     stories per source per bucket that count towards the score
     * @param resolveScore  coverage is back near baseline while every scale scores below this
     * @param quietFor      how long coverage stays near baseline before an alert resolves
     * @param updateEvery   fewest event time between two lifecycle events of one alert
     * @param escalation    factor between UPDATED tiers of the score
     * @param topArticles   evidence articles per alert
     */
    public record DetectorTuning(List<Duration> scales, double floorPerDay, double dispersion, Duration warmUp, int sourceCap,
                                 double resolveScore, Duration quietFor, Duration updateEvery, double escalation, int topArticles) {
    }

    /**
     * Webhook delivery.
     *
     * @param defaultUrl       optional URL that receives every alert, in addition to each watch's own webhook
     * @param groupId          consumer group of the dispatcher on the alert topic
     * @param connectTimeout   TCP connect timeout
     * @param requestTimeout   whole-request timeout per attempt
     * @param maxAttempts      attempts before a delivery goes to the dead-letter topic
     * @param initialBackoff   wait before the second attempt; doubles each time, with jitter
     * @param maxBackoff       longest wait between attempts
     * @param queueCapacity    pending deliveries per webhook; beyond that new ones are dead-lettered at once
     */
    public record WebhookSettings(Optional<URI> defaultUrl, String groupId, Duration connectTimeout, Duration requestTimeout,
                                  int maxAttempts, Duration initialBackoff, Duration maxBackoff, int queueCapacity) {
    }

    public static AlertsSettings from(Settings s) {
        Topics topics = KafkaSettings.topics(s);
        WatchDefaults watchDefaults = new WatchDefaults(s.get(DEFAULT_BUCKET), s.get(DEFAULT_BASELINE), s.get(DEFAULT_SENSITIVITY),
                s.get(DEFAULT_MIN_ARTICLES), s.get(DEFAULT_MIN_SOURCES), s.get(DEFAULT_COOLDOWN));
        DetectorTuning tuning = new DetectorTuning(
                s.get(SCALES).stream().sorted().toList(),
                s.get(FLOOR_PER_DAY),
                s.get(DISPERSION),
                s.get(WARM_UP),
                s.get(SOURCE_CAP),
                s.get(RESOLVE_SCORE),
                s.get(QUIET_FOR),
                s.get(UPDATE_EVERY),
                s.get(ESCALATION),
                s.get(TOP_ARTICLES));
        WebhookSettings webhook = new WebhookSettings(
                s.find(WEBHOOK_URL),
                // The prefix always goes first, as for the application id: a backtest's dispatcher never joins live's group.
                topics.prefix() + s.get(WEBHOOK_GROUP_ID),
                s.get(WEBHOOK_CONNECT_TIMEOUT),
                s.get(WEBHOOK_REQUEST_TIMEOUT),
                s.get(WEBHOOK_MAX_ATTEMPTS),
                s.get(WEBHOOK_INITIAL_BACKOFF),
                s.get(WEBHOOK_MAX_BACKOFF),
                s.get(WEBHOOK_QUEUE_CAPACITY));
        return new AlertsSettings(s.get(WATCHES_FILE), StreamsApp.of(s, APPLICATION_ID), s.get(PROCESSING_GUARANTEE),
                s.get(COMMIT_INTERVAL), watchDefaults, tuning, webhook, topics);
    }

    /** Kafka Streams application id, topic prefix first ({@link StreamsApp}). */
    public String applicationId() {
        return streams.applicationId();
    }

    public static AlertsSettings defaults() {
        return from(Settings.empty());
    }

    /** Detector parameters for a watch that has been validated (all its fields filled). */
    public DetectorParams detectorParams(Watch watch) {
        return new DetectorParams(watch.bucket(), DetectorParams.scalesFor(watch.bucket(), tuning.scales()), watch.baseline(),
                tuning.warmUp(), watch.sensitivity(), Math.min(tuning.resolveScore(), watch.sensitivity() / 2), tuning.quietFor(),
                tuning.updateEvery(), watch.minArticles(), watch.minSources(), watch.cooldown(), tuning.floorPerDay(),
                tuning.dispersion(), tuning.sourceCap(), tuning.escalation(), tuning.topArticles());
    }

    /** The alerts stage's detection over {@code validatedWatches}, in memory: what a backtest runs. */
    public InMemoryDetection inMemoryDetection(List<Watch> validatedWatches) {
        return new InMemoryDetection(this::detectorParams, volumeRetention(), watchDefaults.baseline(), validatedWatches);
    }

    /**
     * How long the stream's volume per slot is kept: the longest scale, plus the longest bucket a watch may have (the
     * bucket leaving the window is still read when it is folded into the baseline), plus a day of slack.
     */
    public Duration volumeRetention() {
        return tuning.scales().getLast().plus(Duration.ofDays(2));
    }

    private static String scalesProblem(List<Duration> scales) {
        if (scales.isEmpty()) {
            return "expected at least one scale";
        }
        boolean onSlots = scales.stream().allMatch(d -> !d.isNegative() && !d.isZero() && d.toMillis() % StreamVolume.SLOT_MS == 0);
        return onSlots ? null : "expected positive multiples of 5m";
    }
}
