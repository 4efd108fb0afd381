package io.newswatch.alerts.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.core.Alert;
import io.newswatch.core.AlertStatus;
import io.newswatch.core.RecordSerdes;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("alert counter: alerts by status in the stage's Kafka Streams metrics, passed on unchanged")
class AlertCounterTest {

    private static Alert alert(String id, AlertStatus status) {
        Instant t = Instant.parse("2025-10-17T12:00:00Z");
        return new Alert(Alert.SCHEMA_VERSION, id, "w", "watch", status, t, t.plusSeconds(600), 5, 5, 0.5, 7.0, 3, 2, List.of(), "s", t);
    }

    private static double total(TopologyTestDriver driver, String name) {
        return driver.metrics().entrySet().stream()
                .filter(e -> e.getKey().group().equals("stream-newswatch-alerts-metrics") && e.getKey().name().equals(name))
                .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue()).sum();
    }

    @Test
    @DisplayName("each OPENED, UPDATED and RESOLVED counted under alerts-<status>-total; every alert goes on")
    void countsByStatus() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("in", Consumed.with(Serdes.String(), RoutedAlert.serde()))
                .processValues(() -> new AlertCounter("newswatch-alerts"))
                .to("out", Produced.with(Serdes.String(), RoutedAlert.serde()));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "alert-counter-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), props)) {
            TestInputTopic<String, RoutedAlert> in = driver.createInputTopic("in", Serdes.String().serializer(),
                    RoutedAlert.serde().serializer());
            TestOutputTopic<String, Alert> out = driver.createOutputTopic("out", Serdes.String().deserializer(),
                    RecordSerdes.ALERT.deserializer());
            in.pipeInput("w", new RoutedAlert(alert("a", AlertStatus.OPENED), null));
            in.pipeInput("w", new RoutedAlert(alert("a", AlertStatus.UPDATED), null));
            in.pipeInput("w", new RoutedAlert(alert("a", AlertStatus.UPDATED), null));
            in.pipeInput("w", new RoutedAlert(alert("b", AlertStatus.OPENED), null));
            in.pipeInput("w", new RoutedAlert(alert("a", AlertStatus.RESOLVED), null));

            assertThat(out.readValuesToList()).extracting(Alert::status).containsExactly(AlertStatus.OPENED, AlertStatus.UPDATED,
                    AlertStatus.UPDATED, AlertStatus.OPENED, AlertStatus.RESOLVED);
            assertThat(total(driver, "alerts-opened-total")).isEqualTo(2);
            assertThat(total(driver, "alerts-updated-total")).isEqualTo(2);
            assertThat(total(driver, "alerts-resolved-total")).isEqualTo(1);
            assertThat(AlertCounter.sensorName(AlertStatus.OPENED) + "-total").isEqualTo("alerts-opened-total");
        }
    }
}
