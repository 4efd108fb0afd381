package io.newswatch.ingest;

import io.newswatch.core.Check;
import io.newswatch.core.EventTimeRule;
import io.newswatch.core.Setting;
import io.newswatch.core.SettingType;
import io.newswatch.core.Settings;
import io.newswatch.core.SettingsDef;
import io.newswatch.core.SettingsException;
import java.time.Duration;
import java.util.List;

/**
 * Everything the ingest stage can be told, declared once in {@link #DEF} (documented in
 * docs/CONFIGURATION-ingest.md). Defaults are polite to publishers and safe on a small
 * machine.
 *
 * @param feeds                 feed lists (OPML/YAML), feed files, directories of saved feeds, or URLs
 * @param minInterval           shortest time between two polls of one feed
 * @param maxInterval           longest time between two polls of one healthy feed
 * @param maxBackoff            longest wait after repeated errors
 * @param connectTimeout        TCP/TLS connect limit
 * @param readTimeout           longest silence while waiting for response headers or body bytes
 * @param totalTimeout          limit for a whole fetch, redirects and body included
 * @param parseTimeout          limit for parsing one feed body
 * @param parseThreads          threads parsing feeds (the CPU-heavy step)
 * @param maxBodyBytes          cap on bytes received (compressed, as on the wire)
 * @param maxDecompressedBytes  cap on bytes after gzip/deflate
 * @param maxRedirects          redirects followed before giving up
 * @param userAgent             the User-Agent header sent to publishers
 * @param perHostConcurrency    fetches in flight to one host at once
 * @param seenPerFeed           article ids remembered per feed to avoid re-sending them
 * @param summaryMaxChars       plain-text summaries are cut at this length
 * @param detectLanguage        detect the language when the feed does not declare one
 * @param eventTimeRule         which publish times are plausible enough to be event times
 * @param healthFailingAfter    failed polls in a row after which a feed is reported failing
 * @param healthSilentFactor    a feed is reported silent after this many times its usual gap between items...
 * @param healthSilentMin       ...and never sooner than this
 */
public record IngestSettings(
        List<String> feeds,
        Duration minInterval,
        Duration maxInterval,
        Duration maxBackoff,
        Duration connectTimeout,
        Duration readTimeout,
        Duration totalTimeout,
        Duration parseTimeout,
        int parseThreads,
        long maxBodyBytes,
        long maxDecompressedBytes,
        int maxRedirects,
        String userAgent,
        int perHostConcurrency,
        int seenPerFeed,
        int summaryMaxChars,
        boolean detectLanguage,
        EventTimeRule eventTimeRule,
        int healthFailingAfter,
        int healthSilentFactor,
        Duration healthSilentMin) {

    public static final SettingsDef DEF = new SettingsDef("ingest");
    public static final Setting<List<String>> FEEDS = DEF.define("ingest.feeds", SettingType.LIST,
            List.of("config/feeds.opml", "samples/feeds"), "feed lists, feed files, directories of saved feeds, or URLs");
    public static final Setting<Duration> MIN_INTERVAL = DEF.define("ingest.min-interval", SettingType.DURATION, Duration.ofMinutes(2),
            Check.positive(), "shortest time between two polls of one feed");
    public static final Setting<Duration> MAX_INTERVAL = DEF.define("ingest.max-interval", SettingType.DURATION, Duration.ofMinutes(30),
            Check.positive(), "longest time between two polls of one healthy feed");
    public static final Setting<Duration> MAX_BACKOFF = DEF.define("ingest.max-backoff", SettingType.DURATION, Duration.ofHours(2),
            Check.positive(), "longest wait after repeated errors");
    public static final Setting<Duration> CONNECT_TIMEOUT = DEF.define("ingest.connect-timeout", SettingType.DURATION,
            Duration.ofSeconds(10), Check.positive(), "TCP/TLS connect limit");
    public static final Setting<Duration> READ_TIMEOUT = DEF.define("ingest.read-timeout", SettingType.DURATION, Duration.ofSeconds(20),
            Check.positive(), "longest silence while waiting for response headers or body bytes");
    public static final Setting<Duration> TOTAL_TIMEOUT = DEF.define("ingest.total-timeout", SettingType.DURATION, Duration.ofSeconds(60),
            Check.positive(), "limit for a whole fetch, redirects and body included");
    public static final Setting<Duration> PARSE_TIMEOUT = DEF.define("ingest.parse-timeout", SettingType.DURATION, Duration.ofSeconds(10),
            Check.positive(), "limit for parsing one feed body");
    public static final Setting<Integer> PARSE_THREADS = DEF.defineOptional("ingest.parse-threads", SettingType.INT,
            "half the cores, at least 1", Check.atLeast(1), "threads parsing feeds");
    public static final Setting<Long> MAX_BODY_BYTES = DEF.define("ingest.max-body-bytes", SettingType.BYTES, 8L * 1024 * 1024,
            Check.atLeast(1024), "cap on bytes received (compressed, as on the wire)");
    public static final Setting<Long> MAX_DECOMPRESSED_BYTES = DEF.define("ingest.max-decompressed-bytes", SettingType.BYTES,
            32L * 1024 * 1024, Check.atLeast(1024), "cap on bytes after gzip/deflate");
    public static final Setting<Integer> MAX_REDIRECTS = DEF.define("ingest.max-redirects", SettingType.INT, 5, Check.atLeast(0),
            "redirects followed before giving up");
    public static final Setting<String> USER_AGENT = DEF.define("ingest.user-agent", SettingType.STRING,
            "newswatch/0.1 (news monitoring feed reader; polls politely, honours ETag and Retry-After)",
            Check.notBlank("publishers need to know who is polling"), "the User-Agent header sent to publishers");
    public static final Setting<Integer> PER_HOST_CONCURRENCY = DEF.define("ingest.per-host-concurrency", SettingType.INT, 2,
            Check.atLeast(1), "fetches in flight to one host at once");
    public static final Setting<Integer> SEEN_PER_FEED = DEF.define("ingest.seen-per-feed", SettingType.INT, 5000, Check.atLeast(1),
            "article ids remembered per feed to avoid re-sending them");
    public static final Setting<Integer> SUMMARY_MAX_CHARS = DEF.define("ingest.summary-max-chars", SettingType.INT, 4000,
            Check.atLeast(100), "plain-text summaries are cut at this length");
    public static final Setting<Boolean> DETECT_LANGUAGE = DEF.define("ingest.detect-language", SettingType.BOOLEAN, true,
            "detect the language when the feed does not declare one");
    public static final Setting<Duration> MAX_FUTURE_SKEW = DEF.define("ingest.event-time.max-future-skew", SettingType.DURATION,
            EventTimeRule.DEFAULT_MAX_FUTURE_SKEW, "a publish time later than fetch time plus this is implausible");
    public static final Setting<Duration> MAX_AGE = DEF.define("ingest.event-time.max-age", SettingType.DURATION,
            EventTimeRule.DEFAULT_MAX_AGE, "a publish time earlier than fetch time minus this is implausible");
    public static final Setting<Integer> HEALTH_FAILING_AFTER = DEF.define("ingest.health.failing-after", SettingType.INT, 5,
            Check.atLeast(1), "failed polls in a row after which a feed is reported failing");
    public static final Setting<Integer> HEALTH_SILENT_FACTOR = DEF.define("ingest.health.silent-factor", SettingType.INT, 8,
            Check.atLeast(1), "a feed is reported silent after this many times its usual gap between items");
    public static final Setting<Duration> HEALTH_SILENT_MIN = DEF.define("ingest.health.silent-min", SettingType.DURATION,
            Duration.ofHours(6), Check.positive(), "and never sooner than this");

    public IngestSettings {
        feeds = List.copyOf(feeds);
        if (maxInterval.compareTo(minInterval) < 0) {
            throw new SettingsException("config key " + MAX_INTERVAL.key() + ": expected at least " + MIN_INTERVAL.key() + " ("
                    + minInterval + "), got " + maxInterval);
        }
    }

    /** The defaults, as documented. */
    public static IngestSettings defaults() {
        return from(Settings.empty());
    }

    public static IngestSettings from(Settings s) {
        return new IngestSettings(
                s.get(FEEDS),
                s.get(MIN_INTERVAL),
                s.get(MAX_INTERVAL),
                s.get(MAX_BACKOFF),
                s.get(CONNECT_TIMEOUT),
                s.get(READ_TIMEOUT),
                s.get(TOTAL_TIMEOUT),
                s.get(PARSE_TIMEOUT),
                s.find(PARSE_THREADS).orElse(Math.max(1, Runtime.getRuntime().availableProcessors() / 2)),
                s.get(MAX_BODY_BYTES),
                s.get(MAX_DECOMPRESSED_BYTES),
                s.get(MAX_REDIRECTS),
                s.get(USER_AGENT),
                s.get(PER_HOST_CONCURRENCY),
                s.get(SEEN_PER_FEED),
                s.get(SUMMARY_MAX_CHARS),
                s.get(DETECT_LANGUAGE),
                new EventTimeRule(s.get(MAX_FUTURE_SKEW), s.get(MAX_AGE)),
                s.get(HEALTH_FAILING_AFTER),
                s.get(HEALTH_SILENT_FACTOR),
                s.get(HEALTH_SILENT_MIN));
    }

    /** When a feed counts as failing or silent (docs/INGEST.md, feed health). */
    public FeedHealthRule healthRule() {
        return new FeedHealthRule(healthFailingAfter, healthSilentFactor, healthSilentMin);
    }
}
