/**
 * The enrich stage. In: {@link io.newswatch.core.Article}s on {@code news.articles.raw}, keyed by id,
 * timestamped with event time. Out: {@link io.newswatch.core.EnrichedArticle}s on
 * {@code news.articles.enriched} (each distinct article once, with tags, entities, story id and the
 * taxonomy version), and undecodable or failing records on {@code news.dlq}.
 *
 * <p>{@link io.newswatch.enrich.EnrichTopology} builds the Kafka Streams topology;
 * {@link io.newswatch.enrich.ArticleEnricher} is the pure per-article step it shares with
 * {@code newswatch tag}; {@link io.newswatch.enrich.EnrichSettings} holds the {@code enrich.} settings.
 */
package io.newswatch.enrich;
