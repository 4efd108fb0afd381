package io.newswatch.alerts.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.core.Article;
import io.newswatch.core.EnrichedArticle;
import io.newswatch.core.EventTimeSource;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("an enriched article as the detector counts it (alerts stage and watch test alike)")
class HitTest {

    private static final Instant T = Instant.parse("2023-06-21T14:00:00Z");

    private static EnrichedArticle article(String feed, String name, String domain, String link, String canonical) {
        Article a = new Article(Article.SCHEMA_VERSION, "a1", feed, name, domain, "Strong earthquake", "", link, canonical, null,
                List.of(), List.of(), "en", T, T, T, EventTimeSource.PUBLISHED);
        return new EnrichedArticle(EnrichedArticle.SCHEMA_VERSION, a, List.of(), List.of(), "story-1", "test", T);
    }

    @Test
    @DisplayName("sources count by domain (lower case), else by name, else by feed; evidence shows the name")
    void source() {
        Hit byDomain = Hit.of(article("https://x.example/feed", "Outlet X", "News.Example", "https://news.example/1", null), T);
        assertThat(byDomain.source()).isEqualTo("news.example");
        assertThat(byDomain.sourceName()).isEqualTo("Outlet X");
        Hit byName = Hit.of(article("https://x.example/feed", " Outlet X ", " ", "https://news.example/1", null), T);
        assertThat(byName.source()).isEqualTo("Outlet X");
        Hit byFeed = Hit.of(article("https://x.example/feed", null, null, "https://news.example/1", null), T);
        assertThat(byFeed.source()).isEqualTo("https://x.example/feed");
        assertThat(byFeed.sourceName()).isEqualTo("https://x.example/feed");
    }

    @Test
    @DisplayName("id, story, title and the time given; the link, else the canonical link")
    void fields() {
        Instant when = T.plusSeconds(5);
        Hit hit = Hit.of(article("f", "Outlet", "outlet.example", null, "https://outlet.example/canonical"), when);
        assertThat(hit).isEqualTo(new Hit("a1", when, "outlet.example", "Outlet", "story-1", "Strong earthquake",
                "https://outlet.example/canonical"));
    }
}
