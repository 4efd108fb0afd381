/**
 * The ingest stage put together. In: {@link io.newswatch.ingest.IngestSettings} and Kafka client properties. Out:
 * {@link io.newswatch.ingest.service.IngestService}, the running stage (the feeds topic's group, polling, publishing,
 * health); {@link io.newswatch.ingest.service.FeedPolling}, the fetcher, parser, poller and scheduler wired together; and
 * {@link io.newswatch.ingest.service.FeedReader}, one feed read once without Kafka ({@code newswatch parse}).
 */
package io.newswatch.ingest.service;
