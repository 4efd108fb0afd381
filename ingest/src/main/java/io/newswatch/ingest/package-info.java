/**
 * The ingest stage, news feeds into Kafka. In: the feed list ({@code ingest.feeds}: OPML, YAML, feed files,
 * directories of saved feeds, URLs). Out: {@link io.newswatch.core.Article} records on
 * {@code news.articles.raw}, keyed by article id, timestamped with event time; per-feed
 * {@link io.newswatch.ingest.FeedStats}; one log line per feed problem.
 *
 * <p>This package holds what every part shares and depends on none of them: the settings
 * ({@link io.newswatch.ingest.IngestSettings#from}), a feed ({@link io.newswatch.ingest.FeedSource}), its problems,
 * counters and health rule, and {@link io.newswatch.ingest.LoggedUrl}. Entry points, in {@code service}:
 * {@link io.newswatch.ingest.service.IngestService} (the running stage) and {@link io.newswatch.ingest.service.FeedReader}
 * (one feed, once, no Kafka). The steps live in sub-packages: {@code registry} (feed lists), {@code fetch} (HTTP and
 * files), {@code parse} (bytes to items), {@code normalize} (items to articles), {@code extract} (the two together),
 * {@code schedule} (when to poll, what was seen), {@code group} (the feeds topic shared by instances), {@code health}
 * and {@code publish} (Kafka).
 */
package io.newswatch.ingest;
