package io.newswatch.ingest.schedule;

import io.newswatch.core.Article;
import io.newswatch.ingest.FeedSource;
import io.newswatch.ingest.extract.ArticleExtractor;
import io.newswatch.ingest.fetch.FeedFetcher;
import io.newswatch.ingest.fetch.FetchResult;
import io.newswatch.ingest.parse.FeedParseException;
import io.newswatch.ingest.publish.ArticleSink;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poll of one feed: fetch (conditionally), parse, normalize, drop the articles this feed already
 * published, publish the rest, and decide when to poll next. Every problem is logged once with the
 * feed (credentials removed) and its cause, counted in the feed's stats, and never thrown: one feed's
 * trouble never touches another's.
 */
public final class FeedPoller {

    private static final Logger LOG = LoggerFactory.getLogger(FeedPoller.class);
    /** A poll put off for want of a connection slot is tried again after this long, up to twice as long. */
    private static final Duration DEFERRED_MIN = Duration.ofSeconds(5);

    private final FeedFetcher http;
    private final FeedFetcher files;
    private final ArticleExtractor extractor;
    private final ArticleSink sink;
    private final PollIntervalPolicy policy;
    private final Clock clock;

    public FeedPoller(FeedFetcher http, FeedFetcher files, ArticleExtractor extractor, ArticleSink sink, PollIntervalPolicy policy,
            Clock clock) {
        this.http = http;
        this.files = files;
        this.extractor = extractor;
        this.sink = sink;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * Polls the feed once and returns the wait before its next poll (also recorded in its state). A poll that found no
     * connection slot ({@link FetchResult.Deferred}) counts as neither fetch nor error, and returns a short wait.
     */
    public Duration poll(FeedState state) {
        FeedSource source = state.source();
        Instant started = clock.instant();
        FetchResult result = (source.isHttp() ? http : files).fetch(source.location(), state.validators());
        if (result instanceof FetchResult.Deferred deferred) {
            // Not this feed's failure, and no fetch: try again soon, at a random point so deferred feeds do not return together.
            LOG.debug("feed {}: poll put off: {}", source.displayName(), deferred.cause());
            return DEFERRED_MIN.plusMillis(ThreadLocalRandom.current().nextLong(DEFERRED_MIN.toMillis() + 1));
        }
        state.fetched();
        Duration next = switch (result) {
            case FetchResult.Failed failed -> failure(state, "fetch failed: " + failed.cause(), failed.retryAfter());
            case FetchResult.NotModified notModified -> {
                state.notModified();
                state.succeeded(started);
                // Nothing new to learn the posting rate from: keep the interval, but respect a new max-age.
                yield policy.unchanged(state.healthyInterval(), notModified.pollFloor());
            }
            case FetchResult.Fetched body -> process(state, body, started);
            case FetchResult.Deferred deferred -> throw new IllegalStateException("handled above");
        };
        state.interval(next);
        return next;
    }

    private Duration process(FeedState state, FetchResult.Fetched body, Instant fetchedAt) {
        FeedSource source = state.source();
        ArticleExtractor.Extraction extraction;
        try {
            extraction = extractor.extract(body.body(), body.charset(), source.feedUrl(), body.finalUrl(), source.name(), fetchedAt);
        } catch (FeedParseException e) {
            return failure(state, "parse failed: " + e.getMessage(), null);
        }
        if (!extraction.feed().notes().isEmpty()) {
            LOG.warn("feed {}: {}", source.displayName(), String.join("; ", extraction.feed().notes()));
        }
        state.listedItems(extraction.articles().size());
        List<Article> fresh = new ArrayList<>();
        List<Instant> publishTimes = new ArrayList<>(extraction.articles().size());
        for (Article article : extraction.articles()) {
            publishTimes.add(article.publishedAt());
            if (!state.seen().contains(article.id())) {
                fresh.add(article);
                state.seen().add(article.id()); // also dedups an id listed twice in one body
            }
        }
        if (!fresh.isEmpty()) {
            ArticleSink.PublishResult published = sink.publish(fresh);
            state.published(published.acknowledged().size());
            if (published.firstError() != null) {
                List<Article> failed = new ArrayList<>(fresh);
                failed.removeAll(published.acknowledged());
                forget(state, failed);
                return failure(state, published.firstError() + " (" + failed.size() + " articles will be retried)", null);
            }
        }
        // Validators are kept only once the body's articles are safely published: a 304 must not hide
        // articles that never made it to Kafka.
        state.validators(body.validators());
        state.succeeded(fetchedAt);
        if (!fresh.isEmpty()) {
            // Debug: at 10,000 feeds this would be a thousand lines a minute; the periodic status line sums them up.
            LOG.debug("feed {}: {} new articles of {}", source.displayName(), fresh.size(), extraction.articles().size());
        }
        state.postingRate(publishTimes.stream().filter(t -> t != null && !t.isAfter(fetchedAt)).max(Instant::compareTo).orElse(null),
                PollIntervalPolicy.usualGap(publishTimes, fetchedAt));
        Duration next = policy.afterSuccess(publishTimes, floors(body.pollFloor(), extraction.feed().ttl()), fetchedAt);
        state.healthyInterval(next);
        return next;
    }

    private static void forget(FeedState state, List<Article> failed) {
        for (Article a : failed) {
            state.seen().remove(a.id());
        }
    }

    private Duration failure(FeedState state, String cause, Duration retryAfter) {
        Instant now = clock.instant();
        int streak = state.failed(cause, now);
        Duration next = policy.afterError(streak, retryAfter);
        LOG.warn("feed {}: {} (error {} in a row; next try in {} s)", state.source().displayName(), cause, streak, next.toSeconds());
        return next;
    }

    private static List<Duration> floors(Duration maxAge, Duration ttl) {
        List<Duration> floors = new ArrayList<>(2);
        if (maxAge != null) {
            floors.add(maxAge);
        }
        if (ttl != null) {
            floors.add(ttl);
        }
        return floors;
    }
}
