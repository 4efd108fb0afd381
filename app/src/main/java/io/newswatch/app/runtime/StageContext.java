package io.newswatch.app.runtime;

import io.newswatch.app.monitor.Monitor;
import io.newswatch.core.Topics;
import io.newswatch.core.failure.FailureListener;
import java.util.Map;

/**
 * What a {@link PipelineStage} starts against.
 *
 * @param cluster  the Kafka cluster (client properties, partition counts)
 * @param topics   the pipeline's topics, under the topic prefix
 * @param monitor  where the stage binds its meters
 * @param failures hears that a part of the stage cannot go on (the supervisor: the command stops with exit code 1)
 * @param rawEnds  when the raw topic is complete before the stages start (a replay's copy): the end offset of each raw
 *                 partition, so that enrich counts a partition idle once read to its end; else empty
 */
public record StageContext(KafkaCluster cluster, Topics topics, Monitor monitor, FailureListener failures, Map<Integer, Long> rawEnds) {

    public StageContext {
        rawEnds = Map.copyOf(rawEnds);
    }
}
