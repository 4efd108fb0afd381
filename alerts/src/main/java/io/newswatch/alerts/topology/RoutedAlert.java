package io.newswatch.alerts.topology;

import io.newswatch.core.Alert;
import io.newswatch.core.JsonSerde;
import io.newswatch.core.RecordSerdes;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/** An alert and the watch's own output topic (null when it has none). Serialized as the alert alone. */
public record RoutedAlert(Alert alert, String outputTopic) {

    public static Serde<RoutedAlert> serde() {
        JsonSerde<Alert> alerts = RecordSerdes.ALERT;
        Serializer<RoutedAlert> ser = (topic, routed) -> routed == null ? null : alerts.serialize(topic, routed.alert());
        Deserializer<RoutedAlert> de = (topic, bytes) -> bytes == null ? null : new RoutedAlert(alerts.deserialize(topic, bytes), null);
        return Serdes.serdeFrom(ser, de);
    }
}
