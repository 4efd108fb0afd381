package io.newswatch.app.monitor;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.newswatch.core.FeedStatus.Health;
import io.newswatch.ingest.FeedStats;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * The ingest stage's meters, read from the counters each feed already keeps ({@link FeedStats}): per feed
 * (fetches, 304s, errors, new articles, the error streak, the current interval, the last success, health; switchable, see
 * {@link MonitorSettings#perFeedMetrics()}), and the totals over every feed. The set of feeds is read again before
 * each scrape, so a feed that this process stops polling loses its series and one it starts polling gains them;
 * the totals stay monotonic meanwhile ({@link MonotonicTotal}).
 */
public final class FeedMeters implements MeterBinder, ScrapeAware {

    private final Supplier<? extends Collection<FeedStats>> feeds;
    private final String rawTopic;
    private final boolean perFeed;
    private final Total fetches = new Total(FeedStats::fetches);
    private final Total notModified = new Total(FeedStats::notModified);
    private final Total errors = new Total(FeedStats::errors);
    private final Total newArticles = new Total(FeedStats::newArticles);
    private final Map<String, List<Meter>> feedMeters = new HashMap<>();
    private volatile Map<String, FeedStats> latest = Map.of();
    private MeterRegistry registry;

    /**
     * @param feeds    the current counters of every feed this process polls
     * @param rawTopic where ingest publishes (tag of its records-out counter)
     * @param perFeed  whether to have series per feed besides the totals
     */
    public FeedMeters(Supplier<? extends Collection<FeedStats>> feeds, String rawTopic, boolean perFeed) {
        this.feeds = feeds;
        this.rawTopic = rawTopic;
        this.perFeed = perFeed;
    }

    @Override
    public synchronized void bindTo(MeterRegistry registry) {
        this.registry = registry;
        total(MeterNames.INGEST_FETCHES, "Feed fetches attempted, over every feed", fetches);
        total(MeterNames.INGEST_NOT_MODIFIED, "Fetches answered 304 Not Modified, over every feed", notModified);
        total(MeterNames.INGEST_ERRORS, "Failed polls (fetch, parse or publish), over every feed", errors);
        FunctionCounter.builder(MeterNames.RECORDS_OUT, newArticles, Total::value)
                .description(PipelineMeters.OUT)
                .tags(MeterNames.STAGE, "ingest", MeterNames.TOPIC, rawTopic)
                .register(registry);
        Gauge.builder(MeterNames.FEEDS, this, m -> m.latest.values().stream().filter(f -> f.consecutiveErrors() == 0).count())
                .description("Feeds polled by this process, by whether their last poll succeeded")
                .tag("state", "healthy")
                .register(registry);
        Gauge.builder(MeterNames.FEEDS, this, m -> m.latest.values().stream().filter(f -> f.consecutiveErrors() > 0).count())
                .description("Feeds polled by this process, by whether their last poll succeeded")
                .tag("state", "failing")
                .register(registry);
        for (Health health : List.of(Health.FAILING, Health.SILENT)) {
            Gauge.builder(MeterNames.FEEDS_UNHEALTHY, this, m -> m.latest.values().stream().filter(f -> f.health() == health).count())
                    .description("Feeds polled by this process that are reported failing (polls keep failing) or silent (no new item "
                            + "for much longer than usual), see docs/INGEST.md")
                    .tag("health", health.name().toLowerCase(Locale.ROOT))
                    .register(registry);
        }
        beforeScrape();
    }

    private void total(String name, String description, Total total) {
        FunctionCounter.builder(name, total, Total::value).description(description).register(registry);
    }

    /**
     * One counter summed over every feed, brought up to date at each {@link #beforeScrape()} (not when read), so that a
     * feed leaving between two scrapes is seen leaving and what it counted stays in the total.
     */
    private static final class Total {
        private final ToDoubleFunction<FeedStats> counter;
        private final MonotonicTotal<String> total = new MonotonicTotal<>();
        private volatile double value;

        Total(ToDoubleFunction<FeedStats> counter) {
            this.counter = counter;
        }

        void update(Map<String, FeedStats> feeds) {
            Map<String, Double> parts = new HashMap<>();
            feeds.forEach((feed, stats) -> parts.put(feed, counter.applyAsDouble(stats)));
            value = total.update(parts);
        }

        double value() {
            return value;
        }
    }

    /** Reads every feed's counters; adds the series of new feeds and removes those of feeds no longer polled here. */
    @Override
    public synchronized void beforeScrape() {
        Map<String, FeedStats> now = new LinkedHashMap<>();
        for (FeedStats stats : feeds.get()) {
            now.put(stats.feed(), stats);
        }
        latest = now;
        for (Total total : List.of(fetches, notModified, errors, newArticles)) {
            total.update(now);
        }
        if (!perFeed || registry == null) {
            return;
        }
        feedMeters.keySet().removeIf(feed -> {
            if (now.containsKey(feed)) {
                return false;
            }
            feedMeters.get(feed).forEach(registry::remove);
            return true;
        });
        for (String feed : now.keySet()) {
            feedMeters.computeIfAbsent(feed, this::register);
        }
    }

    private List<Meter> register(String feed) {
        Tags tags = Tags.of(MeterNames.FEED, feed);
        List<Meter> meters = new ArrayList<>();
        meters.add(feedCounter(MeterNames.FEED_FETCHES, "Fetches attempted", feed, FeedStats::fetches));
        meters.add(feedCounter(MeterNames.FEED_NOT_MODIFIED, "Fetches answered 304 Not Modified (or an unchanged file)", feed,
                FeedStats::notModified));
        meters.add(feedCounter(MeterNames.FEED_ERRORS, "Failed polls (fetch, parse or publish)", feed, FeedStats::errors));
        meters.add(feedCounter(MeterNames.FEED_NEW_ARTICLES, "Articles published, not seen before in this feed", feed,
                FeedStats::newArticles));
        meters.add(Gauge.builder(MeterNames.FEED_CONSECUTIVE_ERRORS, this, m -> m.feedValue(feed, FeedStats::consecutiveErrors))
                .description("Failed polls since the last success (drives the backoff)").tags(tags).register(registry));
        meters.add(Gauge.builder(MeterNames.FEED_INTERVAL, this, m -> m.feedValue(feed, f -> f.currentInterval().toMillis() / 1000.0))
                .description("Wait before the next poll").baseUnit("seconds").tags(tags).register(registry));
        meters.add(Gauge.builder(MeterNames.FEED_LAST_SUCCESS, this, m -> m.feedValue(feed,
                        f -> f.lastSuccessAt() == null ? Double.NaN : f.lastSuccessAt().toEpochMilli() / 1000.0))
                .description("When the last poll succeeded (304 included), in seconds since the epoch; NaN before the first")
                .baseUnit("seconds").tags(tags).register(registry));
        meters.add(Gauge.builder(MeterNames.FEED_UNHEALTHY, this, m -> m.feedValue(feed, f -> f.health() == Health.HEALTHY ? 0 : 1))
                .description("1 while the feed is reported failing or silent (its record on the feed-status topic says which and why)")
                .tags(tags).register(registry));
        return meters;
    }

    private Meter feedCounter(String name, String description, String feed, ToDoubleFunction<FeedStats> counter) {
        return FunctionCounter.builder(name, this, m -> m.feedValue(feed, counter)).description(description).tag(MeterNames.FEED, feed)
                .register(registry);
    }

    private double feedValue(String feed, ToDoubleFunction<FeedStats> value) {
        FeedStats stats = latest.get(feed);
        return stats == null ? Double.NaN : value.applyAsDouble(stats);
    }
}
