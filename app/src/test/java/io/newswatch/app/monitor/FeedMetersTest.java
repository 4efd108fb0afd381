package io.newswatch.app.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newswatch.ingest.FeedStats;
import io.newswatch.core.FeedStatus.Health;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("feed meters: per feed and in total, read from the feeds' own counters")
class FeedMetersTest {

    private static final Instant NOON = Instant.parse("2025-10-17T12:00:00Z");

    private static FeedStats stats(String feed, long fetches, long notModified, long articles, long errors, int streak) {
        return stats(feed, fetches, notModified, articles, errors, streak, Health.HEALTHY);
    }

    private static FeedStats stats(String feed, long fetches, long notModified, long articles, long errors, int streak, Health health) {
        return new FeedStats(feed, null, fetches, notModified, articles, errors, streak, Duration.ofMinutes(5),
                streak > 0 ? "HTTP 503" : null, null, NOON, health);
    }

    private static double counter(MeterRegistry registry, String name, String... tags) {
        return registry.get(name).tags(tags).functionCounter().count();
    }

    private static double gauge(MeterRegistry registry, String name, String... tags) {
        return registry.get(name).tags(tags).gauge().value();
    }

    @Test
    @DisplayName("each feed's counters, interval and last success, and the totals over every feed")
    void perFeedAndTotals() {
        List<FeedStats> feeds = new ArrayList<>(List.of(stats("a", 10, 4, 7, 0, 0), stats("b", 5, 0, 2, 3, 2)));
        MeterRegistry registry = new SimpleMeterRegistry();
        FeedMeters meters = new FeedMeters(() -> feeds, "news.articles.raw", true);
        meters.bindTo(registry);

        assertThat(counter(registry, MeterNames.FEED_FETCHES, "feed", "a")).isEqualTo(10);
        assertThat(counter(registry, MeterNames.FEED_NOT_MODIFIED, "feed", "a")).isEqualTo(4);
        assertThat(counter(registry, MeterNames.FEED_NEW_ARTICLES, "feed", "a")).isEqualTo(7);
        assertThat(counter(registry, MeterNames.FEED_ERRORS, "feed", "b")).isEqualTo(3);
        assertThat(gauge(registry, MeterNames.FEED_CONSECUTIVE_ERRORS, "feed", "b")).isEqualTo(2);
        assertThat(gauge(registry, MeterNames.FEED_INTERVAL, "feed", "a")).isEqualTo(300);
        assertThat(gauge(registry, MeterNames.FEED_LAST_SUCCESS, "feed", "a")).isEqualTo(NOON.getEpochSecond());
        assertThat(registry.get(MeterNames.FEED_INTERVAL).gauge().getId().getBaseUnit()).isEqualTo("seconds");

        assertThat(counter(registry, MeterNames.INGEST_FETCHES)).isEqualTo(15);
        assertThat(counter(registry, MeterNames.INGEST_NOT_MODIFIED)).isEqualTo(4);
        assertThat(counter(registry, MeterNames.INGEST_ERRORS)).isEqualTo(3);
        assertThat(counter(registry, MeterNames.RECORDS_OUT, "stage", "ingest", "topic", "news.articles.raw")).isEqualTo(9);
        assertThat(gauge(registry, MeterNames.FEEDS, "state", "healthy")).isEqualTo(1);
        assertThat(gauge(registry, MeterNames.FEEDS, "state", "failing")).isEqualTo(1);
    }

    @Test
    @DisplayName("a feed no longer polled here loses its series, a new one gains them, and the totals never go down")
    void feedsComeAndGo() {
        List<FeedStats> feeds = new ArrayList<>(List.of(stats("a", 10, 0, 7, 0, 0), stats("b", 5, 0, 2, 0, 0)));
        MeterRegistry registry = new SimpleMeterRegistry();
        FeedMeters meters = new FeedMeters(() -> List.copyOf(feeds), "raw", true);
        meters.bindTo(registry);
        assertThat(counter(registry, MeterNames.INGEST_FETCHES)).isEqualTo(15);

        feeds.remove(1); // b moved to another instance
        feeds.add(stats("c", 1, 0, 1, 0, 0));
        meters.beforeScrape();
        assertThat(registry.find(MeterNames.FEED_FETCHES).tag("feed", "b").functionCounter()).isNull();
        assertThat(registry.find(MeterNames.FEED_LAST_SUCCESS).tag("feed", "b").gauge()).isNull();
        assertThat(counter(registry, MeterNames.FEED_FETCHES, "feed", "c")).isEqualTo(1);
        assertThat(counter(registry, MeterNames.INGEST_FETCHES)).as("b's 5 fetches stay counted").isEqualTo(16);
        assertThat(counter(registry, MeterNames.RECORDS_OUT, "stage", "ingest", "topic", "raw")).isEqualTo(10);
    }

    @Test
    @DisplayName("per-feed series off: the totals only")
    void totalsOnly() {
        MeterRegistry registry = new SimpleMeterRegistry();
        new FeedMeters(() -> List.of(stats("a", 3, 1, 2, 0, 0)), "raw", false).bindTo(registry);
        assertThat(registry.find(MeterNames.FEED_FETCHES).functionCounters()).isEmpty();
        assertThat(counter(registry, MeterNames.INGEST_FETCHES)).isEqualTo(3);
    }

    @Test
    @DisplayName("a feed that never succeeded has no last-success time (NaN), not the epoch")
    void neverSucceeded() {
        MeterRegistry registry = new SimpleMeterRegistry();
        FeedStats failing = new FeedStats("x", null, 2, 0, 0, 2, 2, Duration.ofMinutes(10), "timeout", NOON, null, Health.HEALTHY);
        new FeedMeters(() -> List.of(failing), "raw", true).bindTo(registry);
        assertThat(gauge(registry, MeterNames.FEED_LAST_SUCCESS, "feed", "x")).isNaN();
    }

    @Test
    @DisplayName("feed health: how many feeds are failing or silent, and per feed whether it is unhealthy")
    void health() {
        List<FeedStats> feeds = List.of(stats("a", 1, 0, 1, 0, 0), stats("b", 9, 0, 0, 9, 9, Health.FAILING),
                stats("c", 3, 3, 0, 0, 0, Health.SILENT), stats("d", 3, 3, 0, 0, 0, Health.SILENT));
        MeterRegistry registry = new SimpleMeterRegistry();
        new FeedMeters(() -> feeds, "raw", true).bindTo(registry);
        assertThat(gauge(registry, MeterNames.FEEDS_UNHEALTHY, "health", "failing")).isEqualTo(1);
        assertThat(gauge(registry, MeterNames.FEEDS_UNHEALTHY, "health", "silent")).isEqualTo(2);
        assertThat(gauge(registry, MeterNames.FEED_UNHEALTHY, "feed", "a")).isZero();
        assertThat(gauge(registry, MeterNames.FEED_UNHEALTHY, "feed", "b")).isEqualTo(1);
        assertThat(gauge(registry, MeterNames.FEED_UNHEALTHY, "feed", "c")).isEqualTo(1);
    }
}
