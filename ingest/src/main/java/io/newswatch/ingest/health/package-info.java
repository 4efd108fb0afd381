/**
 * Feed health. In: a feed's state after each poll (error streak, newest item, usual gap between items). Out: whether it is
 * healthy, failing or silent ({@link io.newswatch.ingest.FeedHealthRule}), and on each change a log line and a
 * {@link io.newswatch.core.FeedStatus} for the feed-status topic ({@link io.newswatch.ingest.health.FeedHealthReporter}).
 */
package io.newswatch.ingest.health;
