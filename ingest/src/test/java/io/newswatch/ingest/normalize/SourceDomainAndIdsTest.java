package io.newswatch.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.core.Article;
import io.newswatch.core.EventTimeRule;
import io.newswatch.ingest.parse.ParsedFeed;
import io.newswatch.ingest.parse.ParsedItem;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The source domain of an article is its registrable domain, while ids keep the link's host: ids made before
 * the change must stay what they were (dedup and idempotent import compare them).
 */
class SourceDomainAndIdsTest {

    private static final Instant FETCHED = Instant.parse("2025-10-17T08:00:00Z");
    private static final Instant PUBLISHED = Instant.parse("2025-10-17T06:45:00Z");

    private final ArticleNormalizer normalizer = new ArticleNormalizer(EventTimeRule.defaults(), 4000, false);

    @Test
    @DisplayName("GUID ids are the ones made from the host before the registrable domain came in (pinned values)")
    void guidIdsUnchanged() {
        List<Article> articles = normalizer.normalize(feed(
                        item("https://news.bbc.co.uk/world/1", "bbc-123"),
                        item("https://edition.cnn.com/2025/10/17/summit", "cnn-2025-10-17-summit")),
                "https://feeds.example.org/world.xml", null, "Test feed", FETCHED);

        // SHA-256 of "<host>\n<guid>", as ArticleIds made them when the source domain was the host without www.
        assertThat(articles).extracting(Article::id)
                .containsExactly("g-4042eca74db5e5a0fa1132e22fcd775e", "g-f846de073f829e7af1ce53064953b7f9");
        assertThat(articles).extracting(Article::sourceDomain).containsExactly("bbc.co.uk", "cnn.com");
    }

    @Test
    @DisplayName("two hosts of one outlet are one source domain")
    void hostsOfOneOutlet() {
        List<Article> articles = normalizer.normalize(feed(
                        item("https://www.bbc.co.uk/news/a", null),
                        item("https://news.bbc.co.uk/b", null),
                        item("https://edition.cnn.com/c", null),
                        item("https://cnn.com/d", null)),
                "https://feeds.example.org/world.xml", null, "Test feed", FETCHED);

        assertThat(articles).extracting(Article::sourceDomain).containsExactly("bbc.co.uk", "bbc.co.uk", "cnn.com", "cnn.com");
    }

    @Test
    @DisplayName("an item without a link takes the registrable domain of the feed's site, and its GUID id the site's host")
    void feedDomainFallback() {
        ParsedFeed feed = new ParsedFeed("Le Monde", "https://www.lemonde.fr/international/", "fr", null,
                List.of(item(null, "lm-42")), List.of());
        Article a = normalizer.normalize(feed, "https://www.lemonde.fr/rss/une.xml", null, null, FETCHED).get(0);

        assertThat(a.sourceDomain()).isEqualTo("lemonde.fr");
        assertThat(a.id()).isEqualTo(ArticleIds.of("lm-42", null, "lemonde.fr", null, null, null));
    }

    private static ParsedFeed feed(ParsedItem... items) {
        return new ParsedFeed("Test feed", null, "en", null, List.of(items), List.of());
    }

    private static ParsedItem item(String link, String guid) {
        return new ParsedItem("Leaders meet in Budapest", null, null, link, guid, List.of(), List.of(), PUBLISHED, null);
    }
}
