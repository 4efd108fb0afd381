/**
 * The inside of {@link io.newswatch.alerts.AlertsTopology}: the processors and the records between them.
 * In: enriched articles (bytes, decoded here), watches (global store). Out: alert lifecycle events keyed by
 * watch id, dead letters (through core's {@link io.newswatch.core.failure.DeadLetterForwarder}, as every stage sets a
 * record aside). The classes are public only so that {@code AlertsTopology} can wire them; nothing outside the alerts
 * module uses them.
 */
package io.newswatch.alerts.topology;
