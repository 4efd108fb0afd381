/**
 * Named entities from a gazetteer. In: the gazetteer directory (YAML files of countries, people,
 * organisations, weapons and places, see docs/ENRICH.md) and an article's text. Out:
 * {@link io.newswatch.core.EntityMatch}es with canonical id, display name and the surface forms that
 * matched, from {@link io.newswatch.enrich.entities.EntityExtractor}.
 *
 * <p>Matching is a longest-match walk over a trie of normalised tokens (case-folded, accents removed),
 * with a case rule per token so that "US" the country is not "us" the pronoun. Everything here is
 * immutable after loading and safe to share between stream threads.
 */
package io.newswatch.enrich.entities;
