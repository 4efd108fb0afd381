package io.newswatch.ingest.extract;

import io.newswatch.core.Article;
import io.newswatch.ingest.IngestSettings;
import io.newswatch.ingest.normalize.ArticleNormalizer;
import io.newswatch.ingest.parse.BoundedFeedParser;
import io.newswatch.ingest.parse.FeedParseException;
import io.newswatch.ingest.parse.FeedParser;
import io.newswatch.ingest.parse.ParsedFeed;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The fetch-free path, bytes to articles: parse (on the bounded parser pool when one is given, else on
 * the caller's thread with the same time limit), then normalize. Shared by the poller, {@link FeedReader}
 * and the parse benchmark, so all three measure and run the same code.
 */
public final class ArticleExtractor {

    /** The parsed feed (for its ttl, title and repair notes) and the articles made from it. */
    public record Extraction(ParsedFeed feed, List<Article> articles) {
    }

    private final BoundedFeedParser pool;
    private final Duration parseTimeout;
    private final ArticleNormalizer normalizer;

    public ArticleExtractor(BoundedFeedParser pool, Duration parseTimeout, ArticleNormalizer normalizer) {
        this.pool = pool;
        this.parseTimeout = parseTimeout;
        this.normalizer = normalizer;
    }

    /** An extractor for one-off use on the caller's thread (the parse command, the benchmark). */
    public static ArticleExtractor direct(IngestSettings settings) {
        return new ArticleExtractor(null, settings.parseTimeout(),
                new ArticleNormalizer(settings.eventTimeRule(), settings.summaryMaxChars(), settings.detectLanguage()));
    }

    /**
     * @param feedUrl    the feed as configured (URL or file URI), recorded in each article
     * @param baseUrl    where the body actually came from (after redirects), the base for relative links
     * @param sourceName the configured feed name, or null for the feed's own title
     */
    public Extraction extract(byte[] body, String httpCharset, String feedUrl, String baseUrl, String sourceName, Instant fetchedAt)
            throws FeedParseException {
        ParsedFeed feed = pool != null
                ? pool.parse(body, httpCharset, baseUrl)
                : FeedParser.parse(body, httpCharset, baseUrl, System.nanoTime() + parseTimeout.toNanos());
        return new Extraction(feed, normalizer.normalize(feed, feedUrl, baseUrl, sourceName, fetchedAt));
    }
}
