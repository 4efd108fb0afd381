package io.newswatch.ingest.service;

import io.newswatch.ingest.IngestSettings;
import io.newswatch.ingest.extract.ArticleExtractor;
import io.newswatch.ingest.fetch.FileFeedFetcher;
import io.newswatch.ingest.fetch.HttpFeedFetcher;
import io.newswatch.ingest.normalize.ArticleNormalizer;
import io.newswatch.ingest.parse.BoundedFeedParser;
import io.newswatch.ingest.publish.ArticleSink;
import io.newswatch.ingest.schedule.FeedPoller;
import io.newswatch.ingest.schedule.FeedScheduler;
import io.newswatch.ingest.schedule.PollIntervalPolicy;
import java.time.Clock;
import java.util.Random;

/**
 * The polling machinery of one ingest process wired together: the HTTP fetcher (one shared client, so connections are
 * kept between polls), the bounded parser, the poller and the scheduler. {@link IngestService} runs one; the polling
 * benchmark runs the same, without Kafka. Closing it stops polling; the sink is the caller's to close.
 */
public final class FeedPolling implements AutoCloseable {

    /** Feeds waiting for a parser thread at most (more fail as "parser busy" and are retried). */
    private static final int PARSE_QUEUE = 1024;

    private final PollIntervalPolicy policy;
    private final HttpFeedFetcher http;
    private final BoundedFeedParser parser;
    private final FeedScheduler scheduler;

    public FeedPolling(IngestSettings settings, ArticleSink sink, Clock clock, FeedScheduler.AfterPoll afterPoll) {
        // java.util.Random, not ThreadLocalRandom: the policy's jitter is drawn on many poll threads.
        this.policy = new PollIntervalPolicy(settings.minInterval(), settings.maxInterval(), settings.maxBackoff(), new Random());
        this.http = new HttpFeedFetcher(settings);
        this.parser = new BoundedFeedParser(settings.parseThreads(), PARSE_QUEUE, settings.parseTimeout());
        ArticleExtractor extractor = new ArticleExtractor(parser, settings.parseTimeout(),
                new ArticleNormalizer(settings.eventTimeRule(), settings.summaryMaxChars(), settings.detectLanguage()));
        FeedPoller poller = new FeedPoller(http, new FileFeedFetcher(settings.maxDecompressedBytes()), extractor, sink, policy, clock);
        this.scheduler = new FeedScheduler(poller, settings.maxInterval(), afterPoll);
    }

    public PollIntervalPolicy policy() {
        return policy;
    }

    public FeedScheduler scheduler() {
        return scheduler;
    }

    /** Stops scheduling (polls in flight get a few seconds) and releases the client and the parser threads. */
    @Override
    public void close() {
        scheduler.close();
        http.close();
        parser.close();
    }
}
