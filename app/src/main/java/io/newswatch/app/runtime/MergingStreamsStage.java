package io.newswatch.app.runtime;

import io.newswatch.app.monitor.StageMeters;
import io.newswatch.eventtime.MergeProgress;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.Topology;

/**
 * A stage that is one Kafka Streams application behind an event-time merge (enrich, detection): how such a stage starts,
 * written once. The subclass gives its topology over the merge, its Streams properties and its meters; starting it here
 * hands the client the context's failure listener and binds the meters to the monitor.
 */
abstract class MergingStreamsStage implements PipelineStage {

    private final MergeProgress merge = new MergeProgress();

    /** Progress of the event-time merge in front of the stage's work (a replay asks it whether the stage is drained). */
    public final MergeProgress merge() {
        return merge;
    }

    /** What runs before the application starts (detection seeds its watches); nothing by default. */
    protected void prepare(StageContext context) {
    }

    protected abstract Topology topology(StageContext context, MergeProgress merge);

    protected abstract Properties streamsProperties(Properties clientProperties);

    protected abstract StageMeters meters(Supplier<? extends Map<MetricName, ? extends Metric>> metrics, StageContext context);

    @Override
    public final RunningStage start(StageContext context) {
        prepare(context);
        StreamsStage stage = StreamsStage.start(label(), topology(context, merge),
                streamsProperties(context.cluster().clientProperties()), context.failures());
        try {
            stage.bindMeters(context.monitor(), meters(stage.kafkaStreams()::metrics, context));
        } catch (RuntimeException e) {
            stage.close(); // not yet handed to the supervisor: nothing else would stop its threads
            throw e;
        }
        return stage;
    }
}
