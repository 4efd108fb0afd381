/**
 * Exact duplicates: the same article seen again within the retention period is dropped.
 *
 * <p>In: enriched articles with their event time (the record timestamp). Out: the same articles, minus
 * those whose id, canonical link or GUID was seen within the retention. "Seen" is an in-memory table of key hashes
 * ({@link io.newswatch.enrich.dedup.SeenTimes}) rebuilt at start from a persistent, changelogged log of sightings; a
 * periodic sweep expires sightings older than the retention (in event time).
 * The keys come from {@link io.newswatch.enrich.dedup.DuplicateKeys}; the decision from
 * {@link io.newswatch.enrich.dedup.DuplicateIndex}; the Kafka side is {@link io.newswatch.enrich.dedup.DuplicateFilter}.
 */
package io.newswatch.enrich.dedup;
