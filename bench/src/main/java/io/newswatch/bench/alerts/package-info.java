/**
 * Alerts benchmarks: {@link io.newswatch.bench.alerts.SpikeDetectorBenchmark} (JMH, detector throughput in
 * articles/s) and {@link io.newswatch.bench.alerts.AlertLatencyBenchmark} (end-to-end produce-to-alert
 * latency on the embedded broker). Figures and commands: docs/benchmarks/alerts.md.
 */
package io.newswatch.bench.alerts;
