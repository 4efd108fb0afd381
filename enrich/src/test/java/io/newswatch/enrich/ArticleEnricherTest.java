package io.newswatch.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.core.EnrichedArticle;
import io.newswatch.core.EntityMatch;
import io.newswatch.core.Settings;
import io.newswatch.core.TagMatch;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ArticleEnricherTest {

    @Test
    @DisplayName("with the shipped taxonomy and gazetteer, the seed article is tagged arms-transfer and summit, not elections, with its entities")
    void seedArticleWithShippedConfig() {
        EnrichSettings settings = EnrichSettings.from(Settings.of(Map.of(
                EnrichSettings.TAXONOMY.key(), "../config/taxonomy.yaml",
                EnrichSettings.GAZETTEER.key(), "../config/gazetteer")));
        try (ArticleEnricher enricher = ArticleEnricher.load(settings)) {
            EnrichedArticle e = enricher.enrich(Fixtures.seedArticle());

            assertThat(e.tags()).extracting(TagMatch::id).contains("arms-transfer", "summit").doesNotContain("elections");
            assertThat(e.tags()).allSatisfy(tag -> assertThat(tag.evidence()).isNotEmpty());
            assertThat(e.entities()).extracting(EntityMatch::id).contains("person:donald-trump", "person:vladimir-putin",
                    "person:volodymyr-zelensky", "country:UA", "country:RU", "country:US", "country:HU", "weapon:tomahawk");
            assertThat(e.storyId()).as("story ids need the stream; the topology sets them").isNull();
            assertThat(e.taxonomyVersion()).isEqualTo(enricher.version()).contains("+gazetteer.");
        }
    }
}
