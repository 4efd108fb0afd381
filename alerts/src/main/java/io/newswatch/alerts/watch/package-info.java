/**
 * Watches: what a user asks to be alerted about. In: config/watches.yaml ({@link io.newswatch.alerts.watch.WatchFile})
 * and the CLI; out: validated {@link io.newswatch.core.Watch} records on the compacted watches topic
 * ({@link io.newswatch.alerts.watch.WatchStore}, {@link io.newswatch.alerts.watch.WatchBootstrap}), and per-watch
 * article predicates for the topology ({@link io.newswatch.alerts.watch.WatchMatcher}).
 * {@link io.newswatch.alerts.watch.WatchValidator} is the one place that says what a valid watch is.
 */
package io.newswatch.alerts.watch;
