package io.newswatch.alerts.testing;

import io.newswatch.core.Article;
import io.newswatch.core.EnrichedArticle;
import io.newswatch.core.EntityMatch;
import io.newswatch.core.EntityType;
import io.newswatch.core.EventTimeSource;
import io.newswatch.core.TagMatch;
import java.time.Instant;
import java.util.List;

/** Enriched articles for tests: a title, a source domain, an event time, and the entity Tomahawk or not. */
public final class Articles {

    public static final EntityMatch TOMAHAWK = new EntityMatch(EntityType.WEAPON, "weapon:tomahawk", "Tomahawk", List.of("Tomahawk"));
    public static final EntityMatch HUNGARY = new EntityMatch(EntityType.COUNTRY, "country:HU", "Hungary", List.of("Budapest"));

    private Articles() {
    }

    public static EnrichedArticle tomahawk(String id, String domain, Instant eventTime) {
        return article(id, domain, "Tomahawk missiles for Kyiv? Story " + id, eventTime, List.of(TOMAHAWK));
    }

    public static EnrichedArticle other(String id, String domain, Instant eventTime) {
        return article(id, domain, "Weather in the Alps " + id, eventTime, List.of());
    }

    public static EnrichedArticle article(String id, String domain, String title, Instant eventTime, List<EntityMatch> entities) {
        Article a = new Article(Article.SCHEMA_VERSION, id, "https://" + domain + "/rss", domain.toUpperCase(java.util.Locale.ROOT), domain,
                title, "", "https://" + domain + "/news/" + id, "https://" + domain + "/news/" + id, null, List.of(), List.of(), "en",
                eventTime, eventTime, eventTime, EventTimeSource.PUBLISHED);
        List<TagMatch> tags = entities.contains(TOMAHAWK) ? List.of(new TagMatch("arms-transfer", "Arms transfer", List.of("Tomahawk"))) : List.of();
        return new EnrichedArticle(EnrichedArticle.SCHEMA_VERSION, a, tags, entities, "story-" + id, "test", eventTime);
    }
}
