/**
 * When and how each feed is polled. In: a feed's state. Out: one poll (fetch, parse, normalize, drop
 * already-published ids, publish) and the wait before the next, from the feed's posting rate, its
 * publisher's floors and its error streak. Counters per feed for {@link io.newswatch.ingest.FeedStats}.
 */
package io.newswatch.ingest.schedule;
