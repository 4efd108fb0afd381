package io.newswatch.app.command;

import io.newswatch.app.CommonOptions;
import io.newswatch.app.EmbeddedBrokerOptions;
import io.newswatch.app.runtime.KafkaCluster;
import io.newswatch.app.runtime.Pipeline;
import io.newswatch.app.runtime.Supervisor;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Mixin;

/**
 * What run, ingest, enrich and alerts share, so each of them only names its stages: the settings and embedded-broker
 * options, then check the settings, connect (or start the broker), start the stages and wait.
 */
abstract class StagesCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(StagesCommand.class);

    @Mixin
    CommonOptions common;

    @Mixin
    EmbeddedBrokerOptions broker;

    private final String name;
    private final Set<Pipeline.Stage> stages;

    /** {@code name} is what the supervisor calls this process in its logs. */
    StagesCommand(String name, Set<Pipeline.Stage> stages) {
        this.name = name;
        this.stages = EnumSet.copyOf(stages);
    }

    /** Runs until Ctrl-C/SIGTERM (exit 0) or a stage failure (exit 1). */
    @Override
    public final Integer call() throws Exception {
        Pipeline pipeline = Pipeline.plan(common.load(broker.overrides()), stages);
        try (Supervisor supervisor = new Supervisor(name)) {
            KafkaCluster cluster = supervisor.manage(KafkaCluster.connectOrStartEmbedded(pipeline.app()));
            pipeline.start(cluster, supervisor);
            LOG.info("{}. Stop with Ctrl-C.", cluster.describe());
            return supervisor.awaitStop();
        }
    }
}
