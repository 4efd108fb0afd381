package io.newswatch.app.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newswatch.core.Topics;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Our stage counters read from a Kafka Streams client's metrics, given here as Kafka Streams names them (checked
 * against a live client in MonitorIT): summed over tasks, picked by topic, monotonic across a rebalance.
 */
@DisplayName("pipeline meters: stage counters from the Kafka Streams metrics that already count")
class PipelineMetersTest {

    private static final Topics TOPICS = new Topics("");
    private final Map<MetricName, Metric> metrics = new HashMap<>();
    private final MeterRegistry registry = new SimpleMeterRegistry();

    private void put(String group, String name, double value, String... tags) {
        Map<String, String> tagMap = new HashMap<>();
        for (int i = 0; i + 1 < tags.length; i += 2) {
            tagMap.put(tags[i], tags[i + 1]);
        }
        MetricName metricName = new MetricName(name, group, "", tagMap);
        metrics.put(metricName, new Metric() {
            @Override
            public MetricName metricName() {
                return metricName;
            }

            @Override
            public Object metricValue() {
                return value;
            }
        });
    }

    private double counter(String name, String... tags) {
        return registry.get(name).tags(tags).functionCounter().count();
    }

    @Test
    @DisplayName("enrich: records in from raw and out per topic summed over tasks; dead letters, late and duplicates")
    void enrich() {
        put("stream-topic-metrics", "records-consumed-total", 7, "task-id", "0_0", "topic", "news.articles.raw");
        put("stream-topic-metrics", "records-consumed-total", 5, "task-id", "0_1", "topic", "news.articles.raw");
        put("stream-topic-metrics", "records-consumed-total", 12, "task-id", "1_0",
                "topic", "newswatch-enrich-dedup-and-story-repartition");
        put("stream-topic-metrics", "records-produced-total", 30, "task-id", "1_0", "topic", "news.articles.enriched");
        put("stream-topic-metrics", "records-produced-total", 2, "task-id", "0_1", "topic", "news.dlq");
        put("stream-newswatch-enrich-metrics", "late-records-total", 1, "newswatch-enrich-id", "task-1_0");
        put("stream-newswatch-enrich-metrics", "duplicates-dropped-total", 3, "newswatch-enrich-id", "task-1_0");
        put("stream-task-metrics", "dropped-records-total", 4, "task-id", "0_0");
        PipelineMeters.enrich(() -> metrics, TOPICS).bindTo(registry);

        assertThat(counter(MeterNames.RECORDS_IN, "stage", "enrich", "topic", "news.articles.raw")).isEqualTo(12);
        assertThat(counter(MeterNames.RECORDS_OUT, "stage", "enrich", "topic", "news.articles.enriched")).isEqualTo(30);
        assertThat(counter(MeterNames.RECORDS_OUT, "stage", "enrich", "topic", "news.dlq")).isEqualTo(2);
        assertThat(counter(MeterNames.DEAD_LETTERS, "stage", "enrich")).isEqualTo(2);
        assertThat(counter(MeterNames.LATE_ARTICLES, "stage", "enrich")).isEqualTo(1);
        assertThat(counter(MeterNames.DROPPED_ARTICLES, "stage", "enrich", "reason", "duplicate")).isEqualTo(3);
        assertThat(counter(MeterNames.DROPPED_ARTICLES, "stage", "enrich", "reason", "error")).isEqualTo(4);
    }

    @Test
    @DisplayName("alerts: alerts by status from the counting sensors, late articles counted as late and as dropped")
    void alerts() {
        put("stream-newswatch-alerts-metrics", "alerts-opened-total", 2, "newswatch-alerts-id", "task-2_0");
        put("stream-newswatch-alerts-metrics", "alerts-updated-total", 1, "newswatch-alerts-id", "task-2_0");
        put("stream-newswatch-alerts-metrics", "late-records-total", 6, "newswatch-alerts-id", "task-2_0");
        put("stream-topic-metrics", "records-produced-total", 3, "task-id", "2_0", "topic", "news.alerts");
        PipelineMeters.alerts(() -> metrics, TOPICS).bindTo(registry);

        assertThat(counter(MeterNames.ALERTS, "status", "opened")).isEqualTo(2);
        assertThat(counter(MeterNames.ALERTS, "status", "updated")).isEqualTo(1);
        assertThat(counter(MeterNames.ALERTS, "status", "resolved")).isZero();
        assertThat(counter(MeterNames.LATE_ARTICLES, "stage", "alerts")).isEqualTo(6);
        assertThat(counter(MeterNames.DROPPED_ARTICLES, "stage", "alerts", "reason", "late")).isEqualTo(6);
        assertThat(counter(MeterNames.RECORDS_OUT, "stage", "alerts", "topic", "news.alerts")).isEqualTo(3);
        assertThat(counter(MeterNames.DEAD_LETTERS, "stage", "alerts")).isZero();
    }

    @Test
    @DisplayName("a rebalance that takes a task away does not make a counter fall")
    void rebalance() {
        put("stream-topic-metrics", "records-consumed-total", 7, "task-id", "0_0", "topic", "news.articles.raw");
        put("stream-topic-metrics", "records-consumed-total", 5, "task-id", "0_1", "topic", "news.articles.raw");
        PipelineMeters.enrich(() -> metrics, TOPICS).bindTo(registry);
        assertThat(counter(MeterNames.RECORDS_IN, "stage", "enrich")).isEqualTo(12);

        metrics.keySet().removeIf(m -> "0_1".equals(m.tags().get("task-id")));
        put("stream-topic-metrics", "records-consumed-total", 8, "task-id", "0_0", "topic", "news.articles.raw");
        assertThat(counter(MeterNames.RECORDS_IN, "stage", "enrich")).isEqualTo(13);
    }
}
