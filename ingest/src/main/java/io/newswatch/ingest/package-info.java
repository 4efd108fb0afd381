/**
 * The ingest stage, news feeds into Kafka. In: the feed list ({@code ingest.feeds}: OPML, YAML, feed files,
 * directories of saved feeds, URLs). Out: {@link io.newswatch.core.Article} records on
 * {@code news.articles.raw}, keyed by article id, timestamped with event time; per-feed
 * {@link io.newswatch.ingest.FeedStats}; one log line per feed problem.
 *
 * <p>Entry points: {@link io.newswatch.ingest.IngestSettings#from}, {@link io.newswatch.ingest.service.IngestService}
 * (the running stage) and {@link io.newswatch.ingest.service.FeedReader} (one feed, once, no Kafka). The steps live in
 * sub-packages: {@code registry} (feed lists), {@code fetch} (HTTP and files), {@code parse} (bytes to items),
 * {@code normalize} (items to articles), {@code schedule} (when to poll, what was seen) and {@code publish}
 * (Kafka).
 */
package io.newswatch.ingest;
