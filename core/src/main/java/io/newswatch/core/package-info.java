/**
 * The data contract every stage shares: the records on each topic ({@link io.newswatch.core.Article},
 * {@link io.newswatch.core.EnrichedArticle}, {@link io.newswatch.core.WatchInput} (checked: {@link io.newswatch.core.Watch}),
 * {@link io.newswatch.core.Alert}),
 * the topic names ({@link io.newswatch.core.Topics}), the one JSON serde ({@link io.newswatch.core.JsonSerde}),
 * typed settings ({@link io.newswatch.core.Settings}), the event-time rule ({@link io.newswatch.core.EventTimeRule}),
 * the one way every stage writes a dead letter's headers ({@link io.newswatch.core.DeadLetter}) and the one
 * string hash that stages may keep in their state ({@link io.newswatch.core.StableHash}).
 *
 * <p>Only {@link io.newswatch.core.TopicProvisioner} talks to Kafka (an admin client creating missing
 * topics from a {@link io.newswatch.core.TopicLayout}); the rest is plain data and rules. Ingest, enrich
 * and alerts depend on this module and never on each other.
 */
package io.newswatch.core;
