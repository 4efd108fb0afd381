/**
 * Metrics and health of a running process (docs/OPERATIONS.md): {@link io.newswatch.app.monitor.Monitor} holds a
 * Micrometer registry in Prometheus format and the readiness verdict, {@link io.newswatch.app.monitor.MonitorServer}
 * serves {@code /metrics}, {@code /health} and {@code /ready}.
 *
 * <p>In: the stages as they start (their Kafka Streams clients, producers and consumers, the webhook dispatcher's and
 * the feeds' counters), the broker's answers ({@link io.newswatch.app.monitor.BrokerProbe}), and
 * {@code http.*}/{@code metrics.*} settings. Out: HTTP answers. Nothing here counts events itself: the meters read
 * the counters the stages already keep ({@link io.newswatch.app.monitor.PipelineMeters},
 * {@link io.newswatch.app.monitor.FeedMeters}), under the stable names of {@link io.newswatch.app.monitor.MeterNames}.
 */
package io.newswatch.app.monitor;
