package io.newswatch.app.monitor;

import static io.newswatch.app.monitor.KafkaMetricTotal.named;
import static io.newswatch.app.monitor.KafkaMetricTotal.tagged;
import static io.newswatch.app.monitor.KafkaMetricTotal.untagged;

import io.newswatch.alerts.AlertsTopology;
import io.newswatch.alerts.delivery.WebhookDispatcher;
import io.newswatch.alerts.topology.AlertCounter;
import io.newswatch.core.AlertStatus;
import io.newswatch.core.Topics;
import io.newswatch.enrich.metrics.EnrichMetrics;
import io.newswatch.eventtime.EventTimeMerge;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * Which counters each stage has and where each is already counted. Nothing here counts anything: the Kafka
 * Streams stages count in their own sensors and in Kafka Streams' topic metrics, the webhook dispatcher in its
 * counters; these meters sum them at scrape time under stable names (docs/OPERATIONS.md).
 */
public final class PipelineMeters {

    /** Kafka Streams' per-topic metrics (KIP-846): records read from and written to each topic, per task. */
    static final String TOPIC_METRICS = "stream-topic-metrics";
    static final String CONSUMED = "records-consumed-total";
    static final String PRODUCED = "records-produced-total";
    /** Kafka Streams' per-task count of records skipped by an exception handler. */
    static final String TASK_METRICS = "stream-task-metrics";
    static final String SKIPPED = "dropped-records-total";

    static final String IN = "Records read from the pipeline's topics (watermark records included)";
    static final String OUT = "Records written to the pipeline's topics (watermark records included)";
    private static final String DEAD = "Records sent to the dead-letter topic";
    private static final String LATE = "Articles that arrived after their event time had been released (enrich: written out of order; "
            + "alerts: left out of detection)";

    private PipelineMeters() {
    }

    /** The metric group of a Kafka Streams sensor added with {@code addRateTotalSensor(scope, ...)}. */
    static String streamsGroup(String scope) {
        return "stream-" + scope + "-metrics";
    }

    static String total(String sensor) {
        return sensor + "-total";
    }

    /** The enrich stage, from its Kafka Streams client's metrics. */
    public static StageMeters enrich(Supplier<? extends Map<MetricName, ? extends Metric>> metrics, Topics topics) {
        String own = streamsGroup(EnrichMetrics.SCOPE);
        return new StageMeters("enrich")
                .counter(MeterNames.RECORDS_IN, IN, sum(metrics, tagged(TOPIC_METRICS, CONSUMED, "topic", topics.raw())),
                        MeterNames.TOPIC, topics.raw())
                .counter(MeterNames.RECORDS_OUT, OUT, sum(metrics, tagged(TOPIC_METRICS, PRODUCED, "topic", topics.enriched())),
                        MeterNames.TOPIC, topics.enriched())
                .counter(MeterNames.RECORDS_OUT, OUT, sum(metrics, tagged(TOPIC_METRICS, PRODUCED, "topic", topics.dlq())),
                        MeterNames.TOPIC, topics.dlq())
                // What the stage wrote to the DLQ: its own dead letters (also counted in its dead-letters sensor) and those
                // Kafka's processing handler sends there (KIP-1034), which no sensor of ours sees.
                .counter(MeterNames.DEAD_LETTERS, DEAD,
                        sum(metrics, tagged(TOPIC_METRICS, PRODUCED, "topic", topics.dlq())))
                .counter(MeterNames.LATE_ARTICLES, LATE, sum(metrics, named(own, total(EventTimeMerge.LATE_RECORDS))))
                .counter(MeterNames.DROPPED_ARTICLES, "Articles not passed on, by reason",
                        sum(metrics, named(own, total(EnrichMetrics.DUPLICATES_DROPPED))), "reason", "duplicate")
                .counter(MeterNames.DROPPED_ARTICLES, "Articles not passed on, by reason",
                        sum(metrics, named(TASK_METRICS, SKIPPED)), "reason", "error");
    }

    /** The alerts stage (detection), from its Kafka Streams client's metrics. */
    public static StageMeters alerts(Supplier<? extends Map<MetricName, ? extends Metric>> metrics, Topics topics) {
        String own = streamsGroup(AlertsTopology.METRICS_SCOPE);
        DoubleSupplier late = sum(metrics, named(own, total(EventTimeMerge.LATE_RECORDS)));
        StageMeters meters = new StageMeters("alerts")
                .counter(MeterNames.RECORDS_IN, IN, sum(metrics, tagged(TOPIC_METRICS, CONSUMED, "topic", topics.enriched())),
                        MeterNames.TOPIC, topics.enriched())
                .counter(MeterNames.RECORDS_OUT, OUT, sum(metrics, tagged(TOPIC_METRICS, PRODUCED, "topic", topics.alerts())),
                        MeterNames.TOPIC, topics.alerts())
                .counter(MeterNames.RECORDS_OUT, OUT, sum(metrics, tagged(TOPIC_METRICS, PRODUCED, "topic", topics.dlq())),
                        MeterNames.TOPIC, topics.dlq())
                .counter(MeterNames.DEAD_LETTERS, DEAD, sum(metrics, tagged(TOPIC_METRICS, PRODUCED, "topic", topics.dlq())))
                .counter(MeterNames.LATE_ARTICLES, LATE, late)
                .counter(MeterNames.DROPPED_ARTICLES, "Articles not passed on, by reason", late, "reason", "late")
                .counter(MeterNames.DROPPED_ARTICLES, "Articles not passed on, by reason",
                        sum(metrics, named(TASK_METRICS, SKIPPED)), "reason", "error");
        for (AlertStatus status : AlertStatus.values()) {
            meters.counter(MeterNames.ALERTS, "Alert events emitted, by status",
                    sum(metrics, named(own, total(AlertCounter.sensorName(status)))), "status", status.name().toLowerCase(Locale.ROOT));
        }
        return meters;
    }

    /** Webhook delivery, from the dispatcher's counters and its consumer's metrics. */
    public static StageMeters deliver(WebhookDispatcher webhooks, Topics topics) {
        Supplier<Map<MetricName, ? extends Metric>> consumer = () -> {
            Consumer<?, ?> c = webhooks.alertConsumer();
            return c == null ? Map.of() : c.metrics();
        };
        return new StageMeters("deliver")
                .counter(MeterNames.RECORDS_IN, IN, sum(consumer, untagged("consumer-fetch-manager-metrics", CONSUMED, "topic")),
                        MeterNames.TOPIC, topics.alerts())
                .counter(MeterNames.DEAD_LETTERS, DEAD, webhooks::deadLettered)
                .counter(MeterNames.WEBHOOK_DELIVERIES, "Webhook deliveries, by outcome: delivered (2xx) or failed (given up after "
                        + "every retry, or the lane was full; sent to the dead-letter topic)", webhooks::delivered, "outcome", "delivered")
                .counter(MeterNames.WEBHOOK_DELIVERIES, "Webhook deliveries, by outcome: delivered (2xx) or failed (given up after "
                        + "every retry, or the lane was full; sent to the dead-letter topic)", webhooks::deadLettered, "outcome", "failed");
    }

    private static DoubleSupplier sum(Supplier<? extends Map<MetricName, ? extends Metric>> metrics, Predicate<MetricName> picks) {
        return new KafkaMetricTotal(metrics, picks)::value;
    }
}
