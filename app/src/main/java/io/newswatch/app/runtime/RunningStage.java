package io.newswatch.app.runtime;

import io.newswatch.app.monitor.StageStatus;
import java.util.function.BooleanSupplier;

/** A started {@link PipelineStage}: what {@code /ready} asks, and what the supervisor closes. */
public interface RunningStage extends AutoCloseable {

    /** What the stage is doing now. */
    StageStatus status();

    /** Sum of a metric of ours over the stage's Kafka Streams tasks, e.g. {@code late-records-total}; 0 for other stages. */
    default double streamsMetricTotal(String metricName) {
        return 0;
    }

    /** Stops the stage; never throws (a stage that cannot stop cleanly says so in the log). */
    @Override
    void close();

    /** A stage on plain clients (not Kafka Streams): running while {@code running} says so, stopped by {@code stop}. */
    static RunningStage of(String label, BooleanSupplier running, Runnable stop) {
        return new RunningStage() {
            @Override
            public StageStatus status() {
                return StageStatus.of(running.getAsBoolean());
            }

            @Override
            public void close() {
                stop.run();
            }

            @Override
            public String toString() {
                return label;
            }
        };
    }
}
