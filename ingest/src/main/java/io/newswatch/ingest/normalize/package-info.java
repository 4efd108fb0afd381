/**
 * Parsed items to {@link io.newswatch.core.Article}s. In: a {@link io.newswatch.ingest.parse.ParsedFeed}, the
 * feed's URL and the fetch time. Out: articles with plain text, canonical links, stable ids, source,
 * language and event time. Pure functions; no I/O except the language profiles loaded once.
 */
package io.newswatch.ingest.normalize;
