/**
 * Alert delivery. In: alerts from the alert topic (its own consumer group) and watches from the watches
 * topic (for their webhook URLs). Out: JSON POSTs to webhooks ({@link io.newswatch.alerts.delivery.WebhookDispatcher}),
 * and dead letters for deliveries that keep failing (core's {@link io.newswatch.core.failure.DeadLetterWriter}); a
 * dispatcher whose thread dies says so to its {@link io.newswatch.core.failure.FailureListener}. Runs beside detection,
 * never inside it.
 */
package io.newswatch.alerts.delivery;
