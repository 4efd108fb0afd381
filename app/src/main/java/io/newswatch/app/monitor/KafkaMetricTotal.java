package io.newswatch.app.monitor;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * One of our counters read from a Kafka client's own metrics: the sum, over threads, tasks and processors, of
 * the metrics a predicate picks (e.g. every {@code late-records-total} of scope {@code newswatch-alerts}), kept
 * monotonic across rebalances ({@link MonotonicTotal}). Read at scrape time, so nothing is counted twice.
 */
public final class KafkaMetricTotal {

    private final Supplier<? extends Map<MetricName, ? extends Metric>> metrics;
    private final Predicate<MetricName> picks;
    private final MonotonicTotal<MetricName> total = new MonotonicTotal<>();

    public KafkaMetricTotal(Supplier<? extends Map<MetricName, ? extends Metric>> metrics, Predicate<MetricName> picks) {
        this.metrics = metrics;
        this.picks = picks;
    }

    /** Metrics of {@code group} named {@code name}. */
    public static Predicate<MetricName> named(String group, String name) {
        return m -> m.group().equals(group) && m.name().equals(name);
    }

    /** As {@link #named}, with the tag {@code tag} equal to {@code value}. */
    public static Predicate<MetricName> tagged(String group, String name, String tag, String value) {
        return named(group, name).and(m -> value.equals(m.tags().get(tag)));
    }

    /** As {@link #named}, without the tag {@code tag} (a client-wide metric, not its per-topic copies). */
    public static Predicate<MetricName> untagged(String group, String name, String tag) {
        return named(group, name).and(m -> !m.tags().containsKey(tag));
    }

    public double value() {
        Map<MetricName, Double> now = new HashMap<>();
        metrics.get().forEach((name, metric) -> {
            if (picks.test(name) && metric.metricValue() instanceof Number n) {
                now.put(name, n.doubleValue());
            }
        });
        return total.update(now);
    }
}
