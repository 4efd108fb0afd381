package io.newswatch.ingest;

import io.newswatch.core.Article;
import io.newswatch.core.Settings;
import io.newswatch.ingest.extract.ArticleExtractor;
import io.newswatch.ingest.parse.FeedParseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Fixture feeds from src/test/resources/feeds and a fixed fetch time, so event-time choices are deterministic. */
public final class Fixtures {

    /** The day after the fixtures' stories: their dates are plausible against it. */
    public static final Instant FETCHED_AT = Instant.parse("2025-10-17T12:00:00Z");

    private Fixtures() {
    }

    public static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/feeds/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture feeds/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static IngestSettings settings() {
        return IngestSettings.from(Settings.of(Map.of("ingest.parse-threads", "1")));
    }

    /** Parses and normalizes a fixture as if fetched from {@code url} with the given HTTP charset. */
    public static List<Article> articles(String name, String url, String httpCharset) throws FeedParseException {
        return ArticleExtractor.direct(settings()).extract(bytes(name), httpCharset, url, url, null, FETCHED_AT).articles();
    }

    public static List<Article> articles(String name) throws FeedParseException {
        return articles(name, "https://fixture.example.com/feed.xml", null);
    }
}
