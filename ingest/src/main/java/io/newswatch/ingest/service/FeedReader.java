package io.newswatch.ingest.service;

import io.newswatch.core.Article;
import io.newswatch.ingest.FeedProblem;
import io.newswatch.ingest.FeedSource;
import io.newswatch.ingest.IngestSettings;
import io.newswatch.ingest.extract.ArticleExtractor;
import io.newswatch.ingest.fetch.FetchResult;
import io.newswatch.ingest.fetch.FileFeedFetcher;
import io.newswatch.ingest.fetch.HttpFeedFetcher;
import io.newswatch.ingest.fetch.Validators;
import io.newswatch.ingest.parse.FeedParseException;
import io.newswatch.ingest.registry.FeedRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one feed once, with no Kafka and no state: the engine of {@code newswatch parse FEED...}, the
 * tool a user reaches for when a feed misbehaves. The source is an http(s) URL, a feed file, a
 * directory of feed files, or an OPML/YAML feed list; every feed goes through the same fetcher, caps,
 * parser and normalizer as the running service, and every problem comes back named.
 */
public final class FeedReader {

    private FeedReader() {
    }

    public static FeedReadResult read(String source, IngestSettings settings) {
        List<Article> articles = new ArrayList<>();
        List<FeedProblem> problems = new ArrayList<>();
        FeedRegistry.Loaded loaded = FeedRegistry.load(List.of(source));
        problems.addAll(loaded.problems());
        ArticleExtractor extractor = ArticleExtractor.direct(settings);
        HttpFeedFetcher http = null;
        try {
            FileFeedFetcher files = new FileFeedFetcher(settings.maxDecompressedBytes());
            for (FeedSource feed : loaded.sources()) {
                if (feed.isHttp() && http == null) {
                    http = new HttpFeedFetcher(settings);
                }
                read(feed, feed.isHttp() ? http.fetch(feed.location(), Validators.NONE) : files.fetch(feed.location(), Validators.NONE),
                        extractor, articles, problems);
            }
        } finally {
            if (http != null) {
                http.close();
            }
        }
        if (loaded.sources().isEmpty() && loaded.problems().isEmpty()) {
            String why = Files.isDirectory(Path.of(source)) ? "directory holds no .xml, .rss, .atom or .rdf files" : "no feeds found";
            problems.add(new FeedProblem(source, FeedProblem.Stage.REGISTRY, FeedProblem.Severity.ERROR, why));
        }
        return new FeedReadResult(source, articles, problems);
    }

    private static void read(FeedSource feed, FetchResult fetched, ArticleExtractor extractor, List<Article> articles,
            List<FeedProblem> problems) {
        switch (fetched) {
            case FetchResult.Failed failed ->
                    problems.add(new FeedProblem(feed.displayName(), FeedProblem.Stage.FETCH, FeedProblem.Severity.ERROR, failed.cause()));
            case FetchResult.Deferred deferred ->
                    problems.add(new FeedProblem(feed.displayName(), FeedProblem.Stage.FETCH, FeedProblem.Severity.ERROR,
                            deferred.cause()));
            case FetchResult.NotModified notModified ->
                    problems.add(new FeedProblem(feed.displayName(), FeedProblem.Stage.FETCH, FeedProblem.Severity.WARNING,
                            "not modified"));
            case FetchResult.Fetched body -> {
                try {
                    ArticleExtractor.Extraction x = extractor.extract(body.body(), body.charset(), feed.feedUrl(), body.finalUrl(),
                            feed.name(), Instant.now());
                    articles.addAll(x.articles());
                    for (String note : x.feed().notes()) {
                        problems.add(new FeedProblem(feed.displayName(), FeedProblem.Stage.PARSE, FeedProblem.Severity.WARNING, note));
                    }
                } catch (FeedParseException e) {
                    problems.add(new FeedProblem(feed.displayName(), FeedProblem.Stage.PARSE, FeedProblem.Severity.ERROR, e.getMessage()));
                }
            }
        }
    }
}
