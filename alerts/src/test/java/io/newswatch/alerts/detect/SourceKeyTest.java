package io.newswatch.alerts.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.alerts.testing.Articles;
import io.newswatch.core.Article;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SourceKeyTest {

    private static final Instant T = Instant.parse("2025-10-17T06:45:00Z");

    @Test
    @DisplayName("sources are counted by registrable domain, also for articles stored when the domain was the host")
    void registrableDomain() {
        assertThat(List.of("news.bbc.co.uk", "www.bbc.co.uk", "bbc.co.uk", "Edition.CNN.com", "cnn.com"))
                .extracting(domain -> Hit.sourceKey(article(domain)))
                .containsExactly("bbc.co.uk", "bbc.co.uk", "bbc.co.uk", "cnn.com", "cnn.com");
    }

    @Test
    @DisplayName("without a domain, the source name stands in")
    void noDomain() {
        Article a = article("x.example");
        Article nameless = new Article(a.schemaVersion(), a.id(), a.feedUrl(), "Harbour Gazette", null, a.title(), a.summary(), a.link(),
                a.canonicalLink(), a.guid(), a.authors(), a.categories(), a.language(), a.publishedAt(), a.fetchedAt(), a.eventTime(),
                a.eventTimeSource());
        assertThat(Hit.sourceKey(nameless)).isEqualTo("Harbour Gazette");
    }

    private static Article article(String domain) {
        return Articles.other("a1", domain, T).article();
    }
}
