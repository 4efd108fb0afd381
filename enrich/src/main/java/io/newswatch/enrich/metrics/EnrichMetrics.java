package io.newswatch.enrich.metrics;

import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.api.ProcessorContext;

/**
 * Rate-and-total sensors under the scope {@code newswatch-enrich}, one per task, e.g.
 * {@code dead-letters-total} and {@code duplicates-dropped-total} tagged with the task id.
 */
public final class EnrichMetrics {

    public static final String SCOPE = "newswatch-enrich";
    /** Records sent to the dead-letter topic ({@code dead-letters-total}). */
    public static final String DEAD_LETTERS = "dead-letters";
    /** Articles dropped as exact repeats ({@code duplicates-dropped-total}). */
    public static final String DUPLICATES_DROPPED = "duplicates-dropped";

    private EnrichMetrics() {
    }

    public static Sensor sensor(ProcessorContext<?, ?> context, String operation) {
        return context.metrics().addRateTotalSensor(SCOPE, "task-" + context.taskId(), operation, Sensor.RecordingLevel.INFO);
    }
}
