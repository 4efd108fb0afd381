/**
 * The data contract every stage shares: the records on each topic ({@link io.newswatch.core.Article},
 * {@link io.newswatch.core.EnrichedArticle}, {@link io.newswatch.core.Watch}, {@link io.newswatch.core.Alert}),
 * the topic names ({@link io.newswatch.core.Topics}), the one JSON serde ({@link io.newswatch.core.JsonSerde}),
 * typed settings ({@link io.newswatch.core.Settings}) and the event-time rule ({@link io.newswatch.core.EventTimeRule}).
 *
 * <p>Nothing here talks to Kafka or the network; ingest, enrich and alerts depend on this module and
 * never on each other.
 */
package io.newswatch.core;
