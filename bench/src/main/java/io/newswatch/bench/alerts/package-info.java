/**
 * Alerts benchmarks: {@link io.newswatch.bench.alerts.SpikeDetectorBenchmark} (JMH, detector throughput in
 * articles/s) and {@link io.newswatch.bench.alerts.AlertLatencyBenchmark} (end-to-end produce-to-alert
 * latency on the embedded broker, from the enriched topic through the alerts stage, or with
 * {@code --from raw} from the raw topic through the enrich and alerts stages). Figures and commands:
 * docs/benchmarks/alerts.md. The detector judged on the real dev stream: {@link io.newswatch.bench.alerts.DetectorEvaluation}
 * (the backtest report of the detector in memory) and {@link io.newswatch.bench.alerts.DetectorFrontier} (how far issue
 * 9's goals can be reached by simple causal rules); figures in docs/ALERTS.md.
 */
package io.newswatch.bench.alerts;
