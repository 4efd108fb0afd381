package io.newswatch.alerts;

import io.newswatch.alerts.detect.DetectorParams;
import io.newswatch.alerts.detect.StreamVolume;
import io.newswatch.core.KafkaSettings;
import io.newswatch.core.Settings;
import io.newswatch.core.SettingsException;
import io.newswatch.core.Watch;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The alerts stage's settings, read from keys under {@code alerts.} (documented in
 * docs/CONFIGURATION-alerts.md). Every value has a default, so {@code AlertsSettings.from(Settings.empty())} runs.
 *
 * @param watchesFile          YAML file of watches seeded into the watches topic at start
 * @param applicationId        Kafka Streams application.id, topic prefix included
 * @param processingGuarantee  {@code exactly_once_v2} (default) or {@code at_least_once}
 * @param commitInterval       Streams commit interval: with exactly-once an alert is visible to read_committed
 *                             consumers only after the commit, so this bounds alert latency
 * @param watchDefaults        values for fields a watch leaves out
 * @param tuning               detector knobs shared by all watches
 * @param webhook              delivery settings
 * @param topicPrefix          the pipeline's topic prefix ({@code kafka.topic-prefix}), for the application id and the DLQ
 */
public record AlertsSettings(
        Path watchesFile,
        String applicationId,
        String processingGuarantee,
        Duration commitInterval,
        WatchDefaults watchDefaults,
        DetectorTuning tuning,
        WebhookSettings webhook,
        String topicPrefix) {

    public static final String PREFIX = "alerts.";
    public static final String WATCHES_FILE = PREFIX + "watches-file";

    /** Values for the fields a watch leaves out. */
    public record WatchDefaults(Duration bucket, Duration baseline, double sensitivity, int minArticles, int minSources,
                                Duration cooldown) {
    }

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

    private static final Set<String> GUARANTEES = Set.of("exactly_once_v2", "at_least_once");

    public static AlertsSettings from(Settings s) {
        String topicPrefix = s.string(KafkaSettings.TOPIC_PREFIX, "");
        String guarantee = s.string(PREFIX + "processing-guarantee", "exactly_once_v2").toLowerCase(Locale.ROOT);
        if (!GUARANTEES.contains(guarantee)) {
            throw new SettingsException("config key alerts.processing-guarantee: expected exactly_once_v2 or at_least_once, got '"
                    + guarantee + "'");
        }
        WatchDefaults watchDefaults = new WatchDefaults(
                s.duration(PREFIX + "defaults.bucket", Duration.ofMinutes(10)),
                s.duration(PREFIX + "defaults.baseline", Duration.ofDays(7)),
                s.decimal(PREFIX + "defaults.sensitivity", 2.5),
                s.integer(PREFIX + "defaults.min-articles", 5),
                s.integer(PREFIX + "defaults.min-sources", 3),
                s.duration(PREFIX + "defaults.cooldown", Duration.ofHours(1)));
        DetectorTuning tuning = new DetectorTuning(
                scales(s),
                positive(s, "detector.floor-per-day", 2.0),
                positive(s, "detector.dispersion", 0.15),
                s.duration(PREFIX + "detector.warm-up", Duration.ofDays(1)),
                (int) positive(s, "detector.source-cap", 3),
                s.decimal(PREFIX + "detector.resolve-score", 2.0),
                s.duration(PREFIX + "detector.quiet-for", Duration.ofHours(2)),
                s.duration(PREFIX + "detector.update-every", Duration.ofHours(1)),
                s.decimal(PREFIX + "detector.escalation", 2.0),
                s.integer(PREFIX + "detector.top-articles", 5));
        if (tuning.escalation() <= 1) {
            throw new SettingsException("config key alerts.detector.escalation: must be > 1, got " + tuning.escalation());
        }
        Optional<URI> defaultUrl = s.find(PREFIX + "webhook.url").map(u -> {
            try {
                return io.newswatch.alerts.watch.WatchValidator.webhookUri(u);
            } catch (IllegalArgumentException e) {
                throw new SettingsException("config key alerts.webhook.url: " + e.getMessage());
            }
        });
        WebhookSettings webhook = new WebhookSettings(
                defaultUrl,
                s.string(PREFIX + "webhook.group-id", topicPrefix + "newswatch-alerts-webhooks"),
                s.duration(PREFIX + "webhook.connect-timeout", Duration.ofSeconds(5)),
                s.duration(PREFIX + "webhook.request-timeout", Duration.ofSeconds(10)),
                s.integer(PREFIX + "webhook.max-attempts", 6),
                s.duration(PREFIX + "webhook.initial-backoff", Duration.ofSeconds(1)),
                s.duration(PREFIX + "webhook.max-backoff", Duration.ofMinutes(1)),
                s.integer(PREFIX + "webhook.queue-capacity", 1000));
        if (webhook.maxAttempts() < 1 || webhook.queueCapacity() < 1) {
            throw new SettingsException("config keys alerts.webhook.max-attempts and alerts.webhook.queue-capacity must be >= 1");
        }
        return new AlertsSettings(
                s.path(WATCHES_FILE, Path.of("config", "watches.yaml")),
                topicPrefix + s.string(PREFIX + "application-id", "newswatch-alerts"),
                guarantee,
                s.duration(PREFIX + "commit-interval", Duration.ofMillis(100)),
                watchDefaults,
                tuning,
                webhook,
                topicPrefix);
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

    /**
     * How long the stream's volume per slot is kept: the longest scale, plus the longest bucket a watch may have (the
     * bucket leaving the window is still read when it is folded into the baseline), plus a day of slack.
     */
    public Duration volumeRetention() {
        return tuning.scales().getLast().plus(Duration.ofDays(2));
    }

    private static List<Duration> scales(Settings s) {
        List<String> texts = s.list(PREFIX + "detector.scales", List.of("10m", "1h", "6h", "1d"));
        List<Duration> scales = new ArrayList<>();
        for (String t : texts) {
            Duration d;
            try {
                d = Settings.parseDuration(t.trim());
            } catch (RuntimeException e) {
                throw new SettingsException("config key alerts.detector.scales: '" + t + "' is not a duration (e.g. 10m, 1h, 1d)");
            }
            if (d.toMillis() % StreamVolume.SLOT_MS != 0 || d.isZero()) {
                throw new SettingsException("config key alerts.detector.scales: each scale must be a positive multiple of 5m, got " + t);
            }
            scales.add(d);
        }
        if (scales.isEmpty()) {
            throw new SettingsException("config key alerts.detector.scales: at least one scale is needed");
        }
        Collections.sort(scales);
        return List.copyOf(scales);
    }

    private static double positive(Settings s, String key, double def) {
        double v = s.decimal(PREFIX + key, def);
        if (!(v > 0)) {
            throw new SettingsException("config key alerts." + key + ": must be > 0, got " + v);
        }
        return v;
    }
}
