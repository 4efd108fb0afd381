package io.newswatch.enrich;

import io.newswatch.core.Article;
import io.newswatch.core.EventTimeSource;
import io.newswatch.enrich.entities.EntityExtractor;
import io.newswatch.enrich.entities.Gazetteer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** Test data shared by the enrich tests: the shipped gazetteer, the seed article, article builders. */
public final class Fixtures {

    /** The gazetteer this project ships (tests run in the enrich module directory). */
    public static final Path GAZETTEER_DIR = Path.of("..", "config", "gazetteer");

    private static EntityExtractor extractor;

    private Fixtures() {
    }

    public static synchronized EntityExtractor shippedExtractor() {
        if (extractor == null) {
            extractor = EntityExtractor.of(Gazetteer.load(GAZETTEER_DIR));
        }
        return extractor;
    }

    public static String seedArticleText() {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/seed-article.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The seed article as an Article: first line the title, the rest the summary. */
    public static Article seedArticle() {
        String text = seedArticleText().strip();
        int newline = text.indexOf('\n');
        return article("seed-1", text.substring(0, newline).strip(), text.substring(newline).strip(),
                "https://example.com/news/trump-putin-tomahawk", null, Instant.parse("2025-10-17T10:00:00Z"));
    }

    public static Article article(String id, String title, String summary, String canonicalLink, String guid, Instant eventTime) {
        return new Article(Article.SCHEMA_VERSION, id, "https://example.com/feed.xml", "Example News", "example.com", title, summary,
                canonicalLink, canonicalLink, guid, List.of(), List.of(), "en", eventTime, eventTime, eventTime, EventTimeSource.PUBLISHED);
    }
}
