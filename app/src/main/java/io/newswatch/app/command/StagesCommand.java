package io.newswatch.app.command;

import io.newswatch.app.monitor.Monitor;
import io.newswatch.app.monitor.MonitorSettings;
import io.newswatch.app.options.CommonOptions;
import io.newswatch.app.options.EmbeddedBrokerOptions;
import io.newswatch.app.runtime.KafkaCluster;
import io.newswatch.app.runtime.Pipeline;
import io.newswatch.app.runtime.PipelineStage;
import io.newswatch.app.runtime.Supervisor;
import io.newswatch.core.Settings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What run, ingest, enrich and alerts share, so each of them only names its stages: the settings and embedded-broker
 * options, then check the settings, serve /metrics, /health and /ready, connect (or start the broker), start the
 * stages and wait.
 */
abstract class StagesCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(StagesCommand.class);

    @Mixin
    CommonOptions common;

    @Mixin
    EmbeddedBrokerOptions broker;

    @Option(names = "--http-port", paramLabel = "PORT",
            description = "Port of /metrics, /health and /ready (setting http.port, default 8080, on http.host, default 127.0.0.1); "
                    + "0 picks a free port (logged), -1 serves nothing.")
    Integer httpPort;

    private final String name;
    private final List<Function<Settings, PipelineStage>> stages;

    /**
     * @param name   what the supervisor calls this process in its logs
     * @param stages how each stage is planned from the settings, in pipeline order (upstream first)
     */
    StagesCommand(String name, List<Function<Settings, PipelineStage>> stages) {
        this.name = name;
        this.stages = List.copyOf(stages);
    }

    /** Runs until Ctrl-C/SIGTERM (exit 0) or a stage failure (exit 1). */
    @Override
    public final Integer call() throws Exception {
        Map<String, String> overrides = new LinkedHashMap<>(broker.overrides());
        if (httpPort != null) {
            overrides.put(MonitorSettings.HTTP_PORT.key(), httpPort.toString());
        }
        Settings settings = common.load(overrides);
        Pipeline pipeline = Pipeline.plan(settings, stages);
        MonitorSettings monitorSettings = MonitorSettings.from(settings);
        try (Supervisor supervisor = new Supervisor(name)) {
            // First in, last out: /health answers and /ready says what it waits for while the broker starts.
            Monitor monitor = supervisor.manage(Monitor.start(monitorSettings, pipeline.stageLabels()));
            KafkaCluster cluster = supervisor.manage(KafkaCluster.connectOrStartEmbedded(pipeline.app()));
            supervisor.manage(monitor.watchBroker(cluster.clientProperties()));
            pipeline.start(cluster, supervisor, monitor);
            LOG.info("{}. Stop with Ctrl-C.", cluster.describe());
            return supervisor.awaitStop();
        }
    }
}
