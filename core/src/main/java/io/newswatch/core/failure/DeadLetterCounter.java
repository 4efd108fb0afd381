package io.newswatch.core.failure;

import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.api.ProcessorContext;

/**
 * Counts the records a stage sets aside. A stream task counts in the {@code dead-letters} rate-and-total sensor of its
 * stage's metrics scope ({@link #sensor}: {@code dead-letters-total}, tagged with the task id); a plain client (the
 * webhook dispatcher) counts in a counter of its own.
 */
@FunctionalInterface
public interface DeadLetterCounter {

    /** The sensor's name, and so its metric's less {@code -total}. */
    String DEAD_LETTERS = "dead-letters";

    void count();

    /** The task's {@code dead-letters} sensor under {@code metricsScope}, e.g. {@code newswatch-enrich}; created in a processor's init. */
    static DeadLetterCounter sensor(ProcessorContext<?, ?> context, String metricsScope) {
        Sensor sensor = context.metrics().addRateTotalSensor(metricsScope, "task-" + context.taskId(), DEAD_LETTERS,
                Sensor.RecordingLevel.INFO);
        return sensor::record;
    }
}
