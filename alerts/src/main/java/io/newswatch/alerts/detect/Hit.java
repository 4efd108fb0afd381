package io.newswatch.alerts.detect;

import io.newswatch.core.Article;
import io.newswatch.core.EnrichedArticle;
import io.newswatch.core.SourceDomain;
import java.time.Instant;

/**
 * One article that matched a watch, reduced to what counting and evidence need.
 *
 * @param articleId article id (an article is counted once per bucket however often it is delivered)
 * @param eventTime the article's event time (the record timestamp)
 * @param source    source key used for distinct-source counting (domain, else source name)
 * @param sourceName human source name for evidence
 * @param storyId   story id from enrichment, or null
 * @param title     headline
 * @param link      link
 */
public record Hit(String articleId, Instant eventTime, String source, String sourceName, String storyId, String title, String link) {

    /**
     * The hit of an enriched article at {@code eventTime}: how the alerts stage and {@code newswatch watch test} both see an
     * article, so a test counts sources and stories exactly as the live detector does.
     */
    public static Hit of(EnrichedArticle enriched, Instant eventTime) {
        Article a = enriched.article();
        return new Hit(a.id(), eventTime, sourceKey(a), sourceName(a), enriched.storyId(), a.title(),
                a.link() != null ? a.link() : a.canonicalLink());
    }

    /**
     * Distinct sources are counted by registrable domain: two feeds or two hosts of one outlet are one source. The
     * domain is reduced again because articles stored before ingest wrote registrable domains carry the host.
     */
    public static String sourceKey(Article a) {
        if (a.sourceDomain() != null && !a.sourceDomain().isBlank()) {
            return SourceDomain.of(a.sourceDomain());
        }
        if (a.sourceName() != null && !a.sourceName().isBlank()) {
            return a.sourceName().trim();
        }
        return a.feedUrl() == null ? "unknown" : a.feedUrl();
    }

    /** The source as a person reads it in evidence: its name, else its key. */
    public static String sourceName(Article a) {
        return a.sourceName() != null && !a.sourceName().isBlank() ? a.sourceName() : sourceKey(a);
    }
}
