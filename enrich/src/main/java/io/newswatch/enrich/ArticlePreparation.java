package io.newswatch.enrich;

import io.newswatch.core.Article;
import io.newswatch.core.EnrichedArticle;
import io.newswatch.core.Topic;
import io.newswatch.enrich.dedup.DuplicateKeys;
import io.newswatch.enrich.prepared.PreparedArticle;
import io.newswatch.enrich.story.StoryFingerprint;
import io.newswatch.enrich.story.StoryIds;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Turns an enriched article into the {@link PreparedArticle} bytes that cross the event-time merge. It runs as the
 * merge's serializer, so in the parallel stage (one task per raw partition): the duplicate keys, the story fingerprint
 * (word cleaning, stemming, SimHash) and the JSON are all computed there, off the one-partition serial stage.
 */
final class ArticlePreparation implements Serializer<EnrichedArticle> {

    static PreparedArticle prepare(EnrichedArticle enriched) {
        Article a = enriched.article();
        EnrichedArticle withOwnStory = new EnrichedArticle(enriched.schemaVersion(), a, enriched.tags(), enriched.entities(),
                StoryIds.forFirstArticle(a.id()), enriched.taxonomyVersion(), enriched.enrichedAt());
        return PreparedArticle.of(withOwnStory, DuplicateKeys.of(a), StoryFingerprint.of(a));
    }

    /** Reads a merged record: a prepared article, or a plain JSON enriched article written before this format existed. */
    static PreparedArticle read(Topic<String, EnrichedArticle> topic, byte[] bytes) {
        return PreparedArticle.isEncoded(bytes) ? PreparedArticle.decode(bytes) : prepare(topic.value(bytes));
    }

    @Override
    public byte[] serialize(String topic, EnrichedArticle enriched) {
        return enriched == null ? null : prepare(enriched).encode();
    }
}
