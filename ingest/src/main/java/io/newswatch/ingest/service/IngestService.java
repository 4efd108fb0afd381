package io.newswatch.ingest.service;

import io.newswatch.core.Topics;
import io.newswatch.core.failure.FailureListener;
import io.newswatch.ingest.FeedProblem;
import io.newswatch.ingest.FeedSource;
import io.newswatch.ingest.FeedStats;
import io.newswatch.ingest.IngestSettings;
import io.newswatch.ingest.group.FeedGroup;
import io.newswatch.ingest.health.FeedHealthReporter;
import io.newswatch.ingest.publish.ArticleSink;
import io.newswatch.ingest.publish.KafkaArticlePublisher;
import io.newswatch.ingest.registry.FeedRegistry;
import io.newswatch.ingest.schedule.FeedScheduler;
import io.newswatch.ingest.schedule.FeedState;
import io.newswatch.ingest.schedule.FirstPoll;
import io.newswatch.ingest.schedule.PollIntervalPolicy;
import io.newswatch.ingest.schedule.SavedFeedState;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest stage: polls feeds, each on its own adaptive schedule ({@link FeedScheduler}), and publishes new articles
 * to the raw topic. Two ways to know the feeds:
 * <ul>
 *   <li>{@link #IngestService(IngestSettings, Properties, Topics)}: the feeds topic, shared with every other instance
 *       through a consumer group ({@link FeedGroup}): this instance polls the feeds of the partitions assigned to it,
 *       each from its saved state, and saves it after every poll. The configured lists are seeded into the topic by
 *       {@code FeedBootstrap} before.</li>
 *   <li>{@link #IngestService(IngestSettings, ArticleSink)}: exactly the configured lists ({@code ingest.feeds}), with
 *       state in memory only: for tests and runs without Kafka.</li>
 * </ul>
 * {@link #start()} returns at once; {@link #close()} stops polling, gives polls in flight a few seconds to finish
 * (then interrupts them; their unacknowledged articles are sent again by the next owner) and closes the producers.
 */
public final class IngestService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(5);

    private final IngestSettings settings;
    /** The configured feeds, when they do not come from the feeds topic; else empty. */
    private final List<FeedState> listed = new ArrayList<>();
    private final PollIntervalPolicy policy;
    private final FeedPolling polling;
    private final ArticleSink sink;
    private final FeedScheduler scheduler;
    private final FeedGroup group;
    private final FeedHealthReporter health;
    private final Clock clock = Clock.systemUTC();
    private volatile boolean started;
    private volatile boolean closed;

    /**
     * Polls the feeds of the feeds topic this instance is given by the group; the feeds and feed-state topics must exist.
     *
     * @param clientProperties Kafka client properties; must hold {@code bootstrap.servers}
     * @param topics           where articles go ({@link Topics#raw()}) and where the feeds and their states are
     */
    public IngestService(IngestSettings settings, Properties clientProperties, Topics topics) {
        this(settings, () -> new KafkaArticlePublisher(clientProperties, topics.rawArticles()), clientProperties, topics);
    }

    /** Polls the configured feeds, with any sink (tests, runs without Kafka). The sink is closed with the service. */
    public IngestService(IngestSettings settings, ArticleSink sink) {
        this(settings, () -> sink, null, null);
    }

    /** The sink is created first and the group last, so a failure leaves no threads behind. */
    private IngestService(IngestSettings settings, Supplier<ArticleSink> sinkFactory, Properties clientProperties,
            Topics topics) {
        this.settings = settings;
        boolean shared = topics != null;
        ArticleSink created = sinkFactory.get(); // first: bad producer properties fail before any thread runs
        this.sink = created;
        try {
            this.polling = new FeedPolling(settings, created, clock, this::polled);
        } catch (RuntimeException e) {
            created.close();
            throw e;
        }
        this.policy = polling.policy();
        this.scheduler = polling.scheduler();
        if (!shared) {
            FeedRegistry.Loaded loaded = FeedRegistry.load(settings.feeds());
            for (FeedProblem problem : loaded.problems()) {
                LOG.warn("feed list: {}", problem.cause());
            }
            for (FeedSource source : loaded.sources()) {
                listed.add(newState(source, null));
            }
            if (listed.isEmpty()) {
                LOG.warn("ingest: no feeds to poll (ingest.feeds = {})", settings.feeds());
            }
        }
        FeedGroup member = null;
        if (shared) {
            try {
                member = new FeedGroup(clientProperties, topics, scheduler, this::newState, settings.minInterval(), clock);
            } catch (RuntimeException e) {
                polling.close();
                sink.close();
                throw e;
            }
        }
        this.group = member;
        this.health = new FeedHealthReporter(settings.healthRule(), member != null ? member::publishStatus : status -> { });
    }

    private FeedState newState(FeedSource source, SavedFeedState saved) {
        return saved == null ? new FeedState(source, settings.seenPerFeed(), policy.initial())
                : FeedState.restore(source, settings.seenPerFeed(), policy.initial(), saved);
    }

    /** After each poll, on its thread: health first (it is saved with the state), then the state. */
    private void polled(FeedState feed, Duration next) {
        health.check(feed, clock.instant());
        if (group != null) {
            group.polled(feed, next);
        }
    }

    /** As {@link #start(FailureListener)}, for a service whose failure only its log tells. */
    public void start() {
        start(FailureListener.IGNORE);
    }

    /**
     * Starts polling (the first polls spread over up to the min interval, {@link FirstPoll}) and returns at once.
     * {@code onFailure} hears if the service stops polling on an error (its member of the ingest group died).
     */
    public synchronized void start(FailureListener onFailure) {
        if (started || closed) {
            return;
        }
        started = true;
        if (group != null) {
            LOG.info("ingest: joining the ingest group to poll its share of the feeds (interval {}..{}, {} per host)",
                    settings.minInterval(), settings.maxInterval(), settings.perHostConcurrency());
            group.start(onFailure);
            return;
        }
        LOG.info("ingest: polling {} feeds (interval {}..{}, {} per host)", listed.size(), settings.minInterval(), settings.maxInterval(),
                settings.perHostConcurrency());
        Duration spread = FirstPoll.spread(listed.size(), listed.size(), settings.minInterval());
        for (FeedState feed : listed) {
            scheduler.start(feed, FirstPoll.delay(null, spread, clock.instant()));
        }
    }

    /**
     * Polls every configured feed once, now, and waits for all of them: for tests and one-shot runs of a service over the
     * configured lists. Not to be mixed with {@link #start()} (a feed could then be polled twice at once).
     */
    public void pollAllOnce() {
        if (started || group != null) {
            throw new IllegalStateException("pollAllOnce() is for a service over the configured feeds that was not started");
        }
        scheduler.pollNow(listed);
    }

    /** A snapshot of the counters of every feed polled here, keyed by the feed's display name (no credentials). */
    public Map<String, FeedStats> stats() {
        Map<String, FeedStats> out = new LinkedHashMap<>();
        for (FeedState feed : feeds()) {
            out.put(feed.source().displayName(), feed.stats());
        }
        return out;
    }

    private Collection<FeedState> feeds() {
        return group != null ? scheduler.feeds() : listed;
    }

    /** True between {@link #start()} and {@link #close()} while feeds are being polled (for a shared service: while it is in the group). */
    public boolean running() {
        return started && !closed && (group == null || group.running());
    }

    /** The Kafka producer articles go through, for its metrics; empty when the sink is not Kafka. */
    public Optional<Producer<?, ?>> kafkaProducer() {
        return sink instanceof KafkaArticlePublisher kafka ? Optional.of(kafka.producer()) : Optional.empty();
    }

    /** The feeds polled here now. */
    public List<FeedSource> sources() {
        return feeds().stream().map(FeedState::source).toList();
    }

    /** The feeds-topic partitions this instance owns now (empty for a service over the configured feeds). */
    public Set<Integer> ownedPartitions() {
        return group == null ? Set.of() : group.ownedPartitions();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (group != null) {
            group.close(); // stops its feeds and writes their states before leaving the group
        } else {
            scheduler.stopAll(CLOSE_GRACE);
        }
        polling.close();
        sink.close();
        LOG.info("ingest: stopped");
    }
}
