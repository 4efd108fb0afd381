package io.newswatch.ingest;

import io.newswatch.core.Topics;
import io.newswatch.ingest.fetch.FileFeedFetcher;
import io.newswatch.ingest.fetch.HttpFeedFetcher;
import io.newswatch.ingest.normalize.ArticleNormalizer;
import io.newswatch.ingest.parse.BoundedFeedParser;
import io.newswatch.ingest.publish.ArticleSink;
import io.newswatch.ingest.publish.KafkaArticlePublisher;
import io.newswatch.ingest.registry.FeedRegistry;
import io.newswatch.ingest.schedule.FeedPoller;
import io.newswatch.ingest.schedule.FeedState;
import io.newswatch.ingest.schedule.PollIntervalPolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest stage: polls every configured feed on its own adaptive schedule and publishes new
 * articles to the raw topic. Each poll runs on a virtual thread (fetches mostly wait on the network);
 * parsing runs on a small bounded pool; one scheduler thread only decides when. Polls of one feed never
 * overlap. {@link #start()} returns at once; {@link #close()} stops scheduling, gives polls in flight a
 * few seconds to finish (then interrupts them; their unacknowledged articles are simply sent again after
 * a restart) and closes the producer.
 */
public final class IngestService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(5);

    private final IngestSettings settings;
    private final List<FeedState> feeds = new ArrayList<>();
    private final HttpFeedFetcher http;
    private final BoundedFeedParser parser;
    private final ArticleSink sink;
    private final FeedPoller poller;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService polls;
    private volatile boolean started;
    private volatile boolean closed;

    /**
     * @param producerProperties Kafka client properties; must hold {@code bootstrap.servers}
     * @param topics             where articles go ({@link Topics#raw()})
     */
    public IngestService(IngestSettings settings, Properties producerProperties, Topics topics) {
        this(settings, () -> new KafkaArticlePublisher(producerProperties, topics.rawArticles()));
    }

    /** With any sink (tests, replays into something other than Kafka). The sink is closed with the service. */
    public IngestService(IngestSettings settings, ArticleSink sink) {
        this(settings, () -> sink);
    }

    /** The sink is created last, so a failure before it leaves no producer threads behind. */
    private IngestService(IngestSettings settings, Supplier<ArticleSink> sinkFactory) {
        this.settings = settings;
        FeedRegistry.Loaded loaded = FeedRegistry.load(settings.feeds());
        for (FeedProblem problem : loaded.problems()) {
            LOG.warn("feed list: {}", problem.cause());
        }
        // java.util.Random, not ThreadLocalRandom: the policy's jitter is drawn on many poll threads.
        PollIntervalPolicy policy = new PollIntervalPolicy(settings.minInterval(), settings.maxInterval(), settings.maxBackoff(),
                new Random());
        for (FeedSource source : loaded.sources()) {
            feeds.add(new FeedState(source, settings.seenPerFeed(), policy.initial()));
        }
        if (feeds.isEmpty()) {
            LOG.warn("ingest: no feeds to poll (ingest.feeds = {})", settings.feeds());
        }
        this.http = new HttpFeedFetcher(settings);
        this.parser = new BoundedFeedParser(settings.parseThreads(), Math.max(64, feeds.size() * 2), settings.parseTimeout());
        try {
            this.sink = sinkFactory.get();
        } catch (RuntimeException e) { // e.g. bad producer properties: release what is already running
            http.close();
            parser.close();
            throw e;
        }
        ArticleExtractor extractor = new ArticleExtractor(parser, settings.parseTimeout(),
                new ArticleNormalizer(settings.eventTimeRule(), settings.summaryMaxChars(), settings.detectLanguage()));
        this.poller = new FeedPoller(http, new FileFeedFetcher(settings.maxDecompressedBytes()), extractor, sink, policy,
                Clock.systemUTC());
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ingest-scheduler");
            t.setDaemon(true);
            return t;
        });
        this.polls = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("ingest-poll-", 0).factory());
    }

    /** Starts polling every feed (the first polls spread over a few seconds) and returns at once. */
    public synchronized void start() {
        if (started || closed) {
            return;
        }
        started = true;
        LOG.info("ingest: polling {} feeds (interval {}..{}, {} per host)", feeds.size(), settings.minInterval(), settings.maxInterval(),
                settings.perHostConcurrency());
        long spreadMillis = Math.min(5000, 100L * feeds.size());
        for (FeedState feed : feeds) {
            schedule(feed, Duration.ofMillis(spreadMillis == 0 ? 0 : ThreadLocalRandom.current().nextLong(spreadMillis + 1)));
        }
    }

    private void schedule(FeedState feed, Duration delay) {
        if (closed) {
            return;
        }
        try {
            scheduler.schedule(() -> polls.submit(() -> {
                Duration next;
                try {
                    next = poller.poll(feed);
                } catch (RuntimeException e) { // a bug, not a feed problem: keep the feed alive, say so loudly
                    LOG.error("feed {}: unexpected failure, will retry", feed.source().displayName(), e);
                    next = settings.maxInterval();
                }
                schedule(feed, next);
            }), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closing: the feed is not rescheduled, which is the point
        }
    }

    /**
     * Polls every feed once, now, and waits for all of them: for tests and one-shot runs. Not to be mixed
     * with {@link #start()} (a feed could then be polled twice at once).
     */
    public void pollAllOnce() {
        if (started) {
            throw new IllegalStateException("pollAllOnce() is for a service that was not started");
        }
        List<Future<Duration>> running = new ArrayList<>();
        for (FeedState feed : feeds) {
            running.add(polls.submit(() -> poller.poll(feed)));
        }
        for (Future<Duration> f : running) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException e) {
                LOG.error("unexpected failure while polling", e.getCause());
            }
        }
    }

    /** A snapshot of every feed's counters, keyed by the feed's display name (no credentials). */
    public Map<String, FeedStats> stats() {
        Map<String, FeedStats> out = new LinkedHashMap<>();
        for (FeedState feed : feeds) {
            out.put(feed.source().displayName(), feed.stats());
        }
        return out;
    }

    /** True between {@link #start()} and {@link #close()}: feeds are being polled. */
    public boolean running() {
        return started && !closed;
    }

    /** The Kafka producer articles go through, for its metrics; empty when the sink is not Kafka. */
    public Optional<Producer<?, ?>> kafkaProducer() {
        return sink instanceof KafkaArticlePublisher kafka ? Optional.of(kafka.producer()) : Optional.empty();
    }

    /** The feeds this service polls. */
    public List<FeedSource> sources() {
        return feeds.stream().map(FeedState::source).toList();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        scheduler.shutdownNow();
        polls.shutdown();
        try {
            if (!polls.awaitTermination(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                polls.shutdownNow();
                if (!polls.awaitTermination(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                    LOG.warn("ingest: some polls did not stop in time");
                }
            }
        } catch (InterruptedException e) {
            polls.shutdownNow();
            Thread.currentThread().interrupt();
        }
        http.close();
        parser.close();
        sink.close();
        LOG.info("ingest: stopped");
    }
}
