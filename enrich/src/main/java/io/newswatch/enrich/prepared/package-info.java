/**
 * Enriched articles as they cross enrich's event-time merge on their way to dedup and story ids.
 *
 * <p>In: an enriched article's final JSON, written in the parallel stage with the article's own story id, and what
 * the serial stage needs from it (duplicate keys, story fingerprint). Out: the same, as the bytes of the repartition
 * topic and the merge buffer, and back; then the JSON for the enriched topic with the story id the serial stage
 * settled. The serial stage (one partition for the whole stream) thus neither decodes nor re-encodes JSON.
 */
package io.newswatch.enrich.prepared;
