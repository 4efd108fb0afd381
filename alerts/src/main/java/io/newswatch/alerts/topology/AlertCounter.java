package io.newswatch.alerts.topology;

import io.newswatch.core.AlertStatus;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Counts the alert events detection emits, one sensor per status ({@code alerts-opened-total},
 * {@code alerts-updated-total}, {@code alerts-resolved-total} in the stage's metrics scope), and passes them on
 * unchanged. How many stories opened and how often they escalate is the first thing to watch when tuning watches.
 */
public final class AlertCounter implements FixedKeyProcessor<String, RoutedAlert, RoutedAlert> {

    private final String metricsScope;
    private final Map<AlertStatus, Sensor> sensors = new EnumMap<>(AlertStatus.class);
    private FixedKeyProcessorContext<String, RoutedAlert> context;

    public AlertCounter(String metricsScope) {
        this.metricsScope = metricsScope;
    }

    /** The sensor, and so the metric name less its {@code -total}, counting alerts of {@code status}: {@code alerts-opened}. */
    public static String sensorName(AlertStatus status) {
        return "alerts-" + status.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public void init(FixedKeyProcessorContext<String, RoutedAlert> context) {
        this.context = context;
        String entity = "task-" + context.taskId();
        for (AlertStatus status : AlertStatus.values()) {
            sensors.put(status, context.metrics().addRateTotalSensor(metricsScope, entity, sensorName(status), Sensor.RecordingLevel.INFO));
        }
    }

    @Override
    public void process(FixedKeyRecord<String, RoutedAlert> record) {
        RoutedAlert routed = record.value();
        if (routed != null && routed.alert() != null) {
            sensors.get(routed.alert().status()).record();
        }
        context.forward(record);
    }
}
