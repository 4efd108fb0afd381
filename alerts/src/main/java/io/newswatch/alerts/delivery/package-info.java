/**
 * Alert delivery. In: alerts from the alert topic (its own consumer group) and watches from the watches
 * topic (for their webhook URLs). Out: JSON POSTs to webhooks ({@link io.newswatch.alerts.delivery.WebhookDispatcher}),
 * and dead letters for deliveries that keep failing. Runs beside detection, never inside it.
 */
package io.newswatch.alerts.delivery;
