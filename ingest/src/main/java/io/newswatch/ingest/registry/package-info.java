/**
 * Feed lists to feed sources. In: the {@code ingest.feeds} entries (OPML, YAML, files, directories, URLs).
 * Out: {@link io.newswatch.ingest.FeedSource}s and the problems met (missing files, bad lists).
 */
package io.newswatch.ingest.registry;
