package io.newswatch.ingest;

import io.newswatch.core.EventTimeRule;
import io.newswatch.core.Settings;
import io.newswatch.core.SettingsException;
import io.newswatch.ingest.health.FeedHealthRule;
import java.time.Duration;
import java.util.List;

/**
 * Everything the ingest stage can be told, read from {@link Settings} keys under {@code ingest.}
 * (documented in docs/CONFIGURATION-ingest.md). Defaults are polite to publishers and safe on a small
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

    public static final String PREFIX = "ingest.";
    public static final String HEALTH_FAILING_AFTER = "ingest.health.failing-after";
    public static final String HEALTH_SILENT_FACTOR = "ingest.health.silent-factor";
    public static final String HEALTH_SILENT_MIN = "ingest.health.silent-min";
    public static final List<String> DEFAULT_FEEDS = List.of("config/feeds.opml", "samples/feeds");
    public static final String DEFAULT_USER_AGENT =
            "newswatch/0.1 (news monitoring feed reader; polls politely, honours ETag and Retry-After)";

    public IngestSettings {
        feeds = List.copyOf(feeds);
        requirePositive("ingest.min-interval", minInterval);
        requirePositive("ingest.max-interval", maxInterval);
        if (maxInterval.compareTo(minInterval) < 0) {
            throw new SettingsException("config key ingest.max-interval (" + maxInterval + ") must not be shorter than ingest.min-interval ("
                    + minInterval + ")");
        }
        requirePositive("ingest.max-backoff", maxBackoff);
        requirePositive("ingest.connect-timeout", connectTimeout);
        requirePositive("ingest.read-timeout", readTimeout);
        requirePositive("ingest.total-timeout", totalTimeout);
        requirePositive("ingest.parse-timeout", parseTimeout);
        requireAtLeast("ingest.parse-threads", parseThreads, 1);
        requireAtLeast("ingest.max-body-bytes", maxBodyBytes, 1024);
        requireAtLeast("ingest.max-decompressed-bytes", maxDecompressedBytes, 1024);
        requireAtLeast("ingest.max-redirects", maxRedirects, 0);
        requireAtLeast("ingest.per-host-concurrency", perHostConcurrency, 1);
        requireAtLeast("ingest.seen-per-feed", seenPerFeed, 1);
        requireAtLeast("ingest.summary-max-chars", summaryMaxChars, 100);
        requireAtLeast(HEALTH_FAILING_AFTER, healthFailingAfter, 1);
        requireAtLeast(HEALTH_SILENT_FACTOR, healthSilentFactor, 1);
        requirePositive(HEALTH_SILENT_MIN, healthSilentMin);
        if (userAgent == null || userAgent.isBlank()) {
            throw new SettingsException("config key ingest.user-agent must not be empty: publishers need to know who is polling");
        }
    }

    /** The defaults, as documented. */
    public static IngestSettings defaults() {
        return from(Settings.empty());
    }

    public static IngestSettings from(Settings s) {
        return new IngestSettings(
                s.list("ingest.feeds", DEFAULT_FEEDS),
                s.duration("ingest.min-interval", Duration.ofMinutes(2)),
                s.duration("ingest.max-interval", Duration.ofMinutes(30)),
                s.duration("ingest.max-backoff", Duration.ofHours(2)),
                s.duration("ingest.connect-timeout", Duration.ofSeconds(10)),
                s.duration("ingest.read-timeout", Duration.ofSeconds(20)),
                s.duration("ingest.total-timeout", Duration.ofSeconds(60)),
                s.duration("ingest.parse-timeout", Duration.ofSeconds(10)),
                s.integer("ingest.parse-threads", Math.max(1, Runtime.getRuntime().availableProcessors() / 2)),
                s.bytes("ingest.max-body-bytes", 8L * 1024 * 1024),
                s.bytes("ingest.max-decompressed-bytes", 32L * 1024 * 1024),
                s.integer("ingest.max-redirects", 5),
                s.string("ingest.user-agent", DEFAULT_USER_AGENT),
                s.integer("ingest.per-host-concurrency", 2),
                s.integer("ingest.seen-per-feed", 5000),
                s.integer("ingest.summary-max-chars", 4000),
                s.bool("ingest.detect-language", true),
                new EventTimeRule(
                        s.duration("ingest.event-time.max-future-skew", EventTimeRule.DEFAULT_MAX_FUTURE_SKEW),
                        s.duration("ingest.event-time.max-age", EventTimeRule.DEFAULT_MAX_AGE)),
                s.integer(HEALTH_FAILING_AFTER, 5),
                s.integer(HEALTH_SILENT_FACTOR, 8),
                s.duration(HEALTH_SILENT_MIN, Duration.ofHours(6)));
    }

    /** When a feed counts as failing or silent (docs/INGEST.md, feed health). */
    public FeedHealthRule healthRule() {
        return new FeedHealthRule(healthFailingAfter, healthSilentFactor, healthSilentMin);
    }

    private static void requirePositive(String key, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new SettingsException("config key " + key + " must be a positive duration, got " + d);
        }
    }

    private static void requireAtLeast(String key, long value, long min) {
        if (value < min) {
            throw new SettingsException("config key " + key + " must be at least " + min + ", got " + value);
        }
    }
}
