package io.newswatch.app.command;

import io.newswatch.app.runtime.KafkaCluster;
import io.newswatch.app.runtime.Pipeline;
import io.newswatch.app.runtime.Supervisor;
import io.newswatch.core.Settings;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What run, ingest, enrich and alerts share: check the settings, connect (or start the broker), start the stages, wait. */
final class PipelineLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(PipelineLauncher.class);

    private PipelineLauncher() {
    }

    /** Runs until Ctrl-C/SIGTERM (exit 0) or a stage failure (exit 1). */
    static int run(String name, Settings settings, Set<Pipeline.Stage> stages) throws InterruptedException {
        Pipeline pipeline = Pipeline.plan(settings, stages);
        try (Supervisor supervisor = new Supervisor(name)) {
            KafkaCluster cluster = supervisor.manage(KafkaCluster.connectOrStartEmbedded(pipeline.app()));
            pipeline.start(cluster, supervisor);
            LOG.info("{}. Stop with Ctrl-C.", cluster.describe());
            return supervisor.awaitStop();
        }
    }
}
