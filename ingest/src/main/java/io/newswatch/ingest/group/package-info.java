/**
 * Feeds shared by ingest instances through Kafka. In: the compacted feeds topic ({@code news.feeds}, key = feed location,
 * value = {@link io.newswatch.ingest.FeedSource}, tombstone = removed), seeded from {@code ingest.feeds}
 * ({@link io.newswatch.ingest.group.FeedBootstrap}) and edited with {@code newswatch feeds}
 * ({@link io.newswatch.ingest.group.FeedCatalog}).
 * Out: which feeds this instance polls ({@link io.newswatch.ingest.group.FeedGroup}: the feeds of the partitions the
 * consumer group assigns it) and each feed's state on the compacted, co-partitioned {@code news.feed-state} topic, read
 * back when a feed moves or an instance restarts. A member whose thread dies of an error says so to its
 * {@link io.newswatch.core.failure.FailureListener}: the app then stops rather than poll nothing.
 */
package io.newswatch.ingest.group;
