package io.newswatch.core;

import java.time.Instant;
import java.util.List;

/**
 * An article after enrichment, on {@code news.articles.enriched}, keyed by article id.
 *
 * @param schemaVersion   version of this record's shape
 * @param article         the raw article as ingested
 * @param tags            taxonomy tags with evidence
 * @param entities        named entities with evidence
 * @param storyId         shared by near-duplicate copies of one story across outlets
 * @param taxonomyVersion the taxonomy (and gazetteer) version that produced tags and entities
 * @param enrichedAt      wall-clock time of enrichment (for lag measurement only; never used for windows)
 */
public record EnrichedArticle(
        int schemaVersion,
        Article article,
        List<TagMatch> tags,
        List<EntityMatch> entities,
        String storyId,
        String taxonomyVersion,
        Instant enrichedAt) {

    public static final int SCHEMA_VERSION = 1;

    public EnrichedArticle {
        tags = tags == null ? List.of() : List.copyOf(tags);
        entities = entities == null ? List.of() : List.copyOf(entities);
    }

    public boolean hasTag(String tagId) {
        // Loops, not streams: called for every tag and entity watch on every article of the alerts stage.
        for (TagMatch t : tags) {
            if (t.id().equals(tagId)) {
                return true;
            }
        }
        return false;
    }

    public boolean hasEntity(String entityId) {
        for (EntityMatch e : entities) {
            if (e.id().equals(entityId)) {
                return true;
            }
        }
        return false;
    }
}
