package io.newswatch.alerts.detect;

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
}
