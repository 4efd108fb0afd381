/**
 * Exact duplicates: the same article seen again within the retention period is dropped.
 *
 * <p>In: enriched articles with their event time (the record timestamp). Out: the same articles, minus
 * those whose id, canonical link or GUID was seen within the retention. "Seen" lives in a persistent,
 * changelogged state store; a periodic sweep forgets keys older than the retention (in stream time).
 * The keys come from {@link io.newswatch.enrich.dedup.DuplicateKeys}; the decision from
 * {@link io.newswatch.enrich.dedup.DuplicateIndex}; the Kafka side is {@link io.newswatch.enrich.dedup.DuplicateFilter}.
 */
package io.newswatch.enrich.dedup;
