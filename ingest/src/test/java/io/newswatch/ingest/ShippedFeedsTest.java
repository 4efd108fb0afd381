package io.newswatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.core.Article;
import io.newswatch.ingest.registry.FeedRegistry;
import io.newswatch.ingest.service.FeedReadResult;
import io.newswatch.ingest.service.FeedReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The feed list and sample feeds the project ships (config/ and samples/ at the project root). */
class ShippedFeedsTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    @DisplayName("config/feeds.opml lists 20+ distinct http(s) feeds, each named")
    void defaultList() {
        FeedRegistry.Loaded loaded = FeedRegistry.load(List.of(ROOT.resolve("config/feeds.opml").toString()));
        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.sources()).hasSizeGreaterThanOrEqualTo(20)
                .allSatisfy(s -> {
                    assertThat(s.isHttp()).isTrue();
                    assertThat(s.name()).isNotBlank();
                });
    }

    @Test
    @DisplayName("every sample feed parses cleanly, and seed.xml carries the seed article")
    void samples() {
        FeedReadResult result = FeedReader.read(ROOT.resolve("samples/feeds").toString(), Fixtures.settings());
        assertThat(result.problems()).isEmpty();
        assertThat(result.articles()).hasSizeGreaterThanOrEqualTo(10);
        Article seed = result.articles().stream().filter(a -> a.feedUrl().endsWith("/seed.xml")).findFirst().orElseThrow();
        assertThat(seed.title()).isEqualTo("Donald Trump reveals how panicking Putin begged him over Tomahawk plan");
        assertThat(seed.text()).contains("Zelensky", "Tomahawk", "Hungary", "Putin");
        assertThat(seed.canonicalLink()).doesNotContain("utm_");
        assertThat(seed.language()).isEqualTo("en");
        assertThat(result.articles()).extracting(Article::language).contains("fr", "en");
    }
}
