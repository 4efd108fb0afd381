/**
 * Articles to Kafka. In: new {@link io.newswatch.core.Article}s. Out: records on the raw topic keyed by
 * article id with the event time as timestamp, from an idempotent {@code acks=all} producer; and which
 * articles were acknowledged, so the rest are retried.
 */
package io.newswatch.ingest.publish;
