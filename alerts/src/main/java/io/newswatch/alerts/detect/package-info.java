/**
 * Spike detection, pure Java: {@link io.newswatch.alerts.detect.Hit}s (articles that matched a watch)
 * and stream time flow in, {@link io.newswatch.core.Alert} lifecycle events flow out, with the per-watch
 * memory in {@link io.newswatch.alerts.detect.WatchState}. No Kafka here; the topology stores the
 * state and calls {@link io.newswatch.alerts.detect.SpikeDetector}. The maths is documented in docs/ALERTS.md.
 */
package io.newswatch.alerts.detect;
