/**
 * Fetching feed bodies. In: a feed location and the validators of the last fetch. Out: a
 * {@link io.newswatch.ingest.fetch.FetchResult}: a capped, decompressed body with new validators and the
 * server's cache hint; "not modified"; or a failure with its cause and any Retry-After. Never throws for
 * feed problems. Also {@link io.newswatch.ingest.LoggedUrl}, which keeps credentials out of logs.
 */
package io.newswatch.ingest.fetch;
