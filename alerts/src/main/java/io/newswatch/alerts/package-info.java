/**
 * The alerts stage. In: enriched articles ({@code news.articles.enriched}) and watches ({@code news.watches}).
 * Out: alert lifecycle events ({@code news.alerts}, keyed by watch id, plus each watch's own topic), dead
 * letters ({@code news.dlq}), and webhook deliveries.
 *
 * <p>Entry points for the app: {@link io.newswatch.alerts.AlertsSettings#from}, {@link io.newswatch.alerts.AlertsTopology#build},
 * {@link io.newswatch.alerts.AlertsTopology#streamsProperties}, {@link io.newswatch.alerts.watch.WatchBootstrap#seed},
 * {@link io.newswatch.alerts.watch.WatchStore}, {@link io.newswatch.alerts.delivery.WebhookDispatcher} and
 * {@link io.newswatch.alerts.AlertText#readable}.
 */
package io.newswatch.alerts;
