package io.newswatch.enrich.metrics;

import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.api.ProcessorContext;

/**
 * Rate-and-total sensors under the scope {@code newswatch-enrich}, one per task, e.g.
 * {@code duplicates-dropped-total} tagged with the task id; core's dead-letter path counts {@code dead-letters-total}
 * in the same scope ({@link io.newswatch.core.failure.DeadLetterCounter}).
 */
public final class EnrichMetrics {

    public static final String SCOPE = "newswatch-enrich";
    /** Articles dropped as exact repeats ({@code duplicates-dropped-total}). */
    public static final String DUPLICATES_DROPPED = "duplicates-dropped";

    private EnrichMetrics() {
    }

    public static Sensor sensor(ProcessorContext<?, ?> context, String operation) {
        return context.metrics().addRateTotalSensor(SCOPE, "task-" + context.taskId(), operation, Sensor.RecordingLevel.INFO);
    }
}
