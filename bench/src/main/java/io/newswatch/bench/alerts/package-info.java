/**
 * Alerts benchmarks: {@link io.newswatch.bench.alerts.SpikeDetectorBenchmark} (JMH, detector throughput in
 * articles/s) and {@link io.newswatch.bench.alerts.AlertLatencyBenchmark} (end-to-end produce-to-alert
 * latency on the embedded broker, from the enriched topic through the alerts stage, or with
 * {@code --from raw} from the raw topic through the enrich and alerts stages). Figures and commands:
 * docs/benchmarks/alerts.md.
 */
package io.newswatch.bench.alerts;
