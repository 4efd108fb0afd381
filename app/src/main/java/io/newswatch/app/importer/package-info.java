/**
 * {@code newswatch import}: historic articles into Kafka with their real event times. In: JSON-lines files
 * (full {@link io.newswatch.core.Article}s or the simple form), CSV files with a header row, saved RSS/Atom
 * files, directories of any of these, each optionally gzip-compressed ({@link io.newswatch.app.importer.InputReader}).
 * Every article is normalized as ingest would ({@link io.newswatch.app.importer.SimpleArticles}), sorted by
 * event time across all inputs, spilling to temporary files when large ({@link io.newswatch.app.importer.EventTimeSorter}),
 * deduplicated by id and written in that order ({@link io.newswatch.app.importer.Importer}): downstream, an article
 * older than one before it in its partition by more than the grace period is late and dropped. Out: records
 * keyed by article id with the event time as timestamp, bad lines as {@code FILE:LINE: reason} on stderr, and a summary.
 */
package io.newswatch.app.importer;
