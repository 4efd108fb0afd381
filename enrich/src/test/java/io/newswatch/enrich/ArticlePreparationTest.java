package io.newswatch.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.core.Article;
import io.newswatch.core.EnrichedArticle;
import io.newswatch.core.EntityMatch;
import io.newswatch.core.EntityType;
import io.newswatch.core.JsonSerde;
import io.newswatch.core.RecordSerdes;
import io.newswatch.core.Topic;
import io.newswatch.core.Topics;
import io.newswatch.core.TagMatch;
import io.newswatch.enrich.dedup.DuplicateKeys;
import io.newswatch.enrich.prepared.PreparedArticle;
import io.newswatch.enrich.story.StoryFingerprint;
import io.newswatch.enrich.story.StoryIds;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ArticlePreparationTest {

    private static final Topic<String, EnrichedArticle> ENRICHED_TOPIC = Topics.defaults().enrichedArticles();
    private static final JsonSerde<EnrichedArticle> ENRICHED = RecordSerdes.ENRICHED_ARTICLE;
    private static final Instant T = Instant.parse("2025-10-17T10:00:00Z");

    private static EnrichedArticle enriched(Article a) {
        return new EnrichedArticle(EnrichedArticle.SCHEMA_VERSION, a, List.of(new TagMatch("arms", "Arms", List.of("Tomahawk"))),
                List.of(new EntityMatch(EntityType.COUNTRY, "country:UA", "Ukraine", List.of("Ukraine"))), null, "2026-11-26.1+gazetteer.abc",
                T.plusSeconds(5));
    }

    /** What the topology wrote before articles were prepared: the enriched article with its story id, encoded as JSON. */
    private static byte[] encodedWith(EnrichedArticle e, String storyId) {
        return ENRICHED.serialize(null, new EnrichedArticle(e.schemaVersion(), e.article(), e.tags(), e.entities(), storyId,
                e.taxonomyVersion(), e.enrichedAt()));
    }

    @Test
    @DisplayName("the prepared bytes carry the duplicate keys, the fingerprint and the JSON, and read back the same")
    void roundTrip() {
        Article a = Fixtures.article("a1", "Putin urges Trump not to send Tomahawks to Ukraine", "Summary here", "https://x.com/a1",
                "urn:uuid:1234", T);
        byte[] bytes = new ArticlePreparation().serialize("t", enriched(a));

        PreparedArticle p = ArticlePreparation.read(ENRICHED_TOPIC, bytes);
        assertThat(p.duplicateKeys()).isEqualTo(DuplicateKeys.of(a));
        assertThat(p.fingerprint()).isEqualTo(StoryFingerprint.of(a));
        assertThat(p.ownStoryId()).isEqualTo(StoryIds.forFirstArticle("a1"));
        assertThat(p.jsonWithStoryId(p.ownStoryId())).isEqualTo(encodedWith(enriched(a), StoryIds.forFirstArticle("a1")));
    }

    @Test
    @DisplayName("another story id is written in place: the bytes are exactly those of the article encoded with it")
    void otherStoryIdInPlace() {
        // A title that quotes the JSON of a story id field, and its own id among it: the field itself is still found.
        String own = StoryIds.forFirstArticle("a2");
        Article a = Fixtures.article("a2", "Odd \"storyId\":\"" + own + "\" title", "Über \\\"storyId\\\":\\\"" + own,
                "https://x.com/a2", null, T);
        PreparedArticle p = ArticlePreparation.read(ENRICHED_TOPIC, new ArticlePreparation().serialize("t", enriched(a)));
        String other = StoryIds.forFirstArticle("earlier");

        byte[] out = p.jsonWithStoryId(other);

        assertThat(out).isEqualTo(encodedWith(enriched(a), other));
        assertThat(ENRICHED.deserialize(null, out).article().title()).isEqualTo(a.title());
        assertThat(p.jsonWithStoryId(own)).as("the prepared JSON is left as it was").isEqualTo(encodedWith(enriched(a), own));
    }

    @Test
    @DisplayName("a story id of another shape is encoded properly rather than spliced")
    void otherShape() {
        Article a = Fixtures.article("a3", "Three words here", "", "https://x.com/a3", null, T);
        PreparedArticle p = ArticlePreparation.read(ENRICHED_TOPIC, new ArticlePreparation().serialize("t", enriched(a)));

        assertThat(p.jsonWithStoryId("story-\"x")).isEqualTo(encodedWith(enriched(a), "story-\"x"));
    }

    @Test
    @DisplayName("a plain JSON enriched article (written before prepared articles existed) is prepared when read")
    void olderJson() {
        Article a = Fixtures.article("a4", "Earthquake of magnitude 6.1 strikes eastern Turkey", "", "https://x.com/a4", null, T);
        PreparedArticle p = ArticlePreparation.read(ENRICHED_TOPIC, ENRICHED.serialize(null, enriched(a)));

        assertThat(p.duplicateKeys()).isEqualTo(DuplicateKeys.of(a));
        assertThat(p.fingerprint()).isEqualTo(StoryFingerprint.of(a));
        assertThat(p.jsonWithStoryId(p.ownStoryId())).isEqualTo(encodedWith(enriched(a), StoryIds.forFirstArticle("a4")));
    }

    @Test
    @DisplayName("an article too short for a fingerprint has none after the round trip")
    void noFingerprint() {
        Article a = Fixtures.article("a5", "Weather", "", "https://x.com/a5", null, T);
        assertThat(ArticlePreparation.read(ENRICHED_TOPIC, new ArticlePreparation().serialize("t", enriched(a))).fingerprint()).isEmpty();
    }
}
