package io.newswatch.app.command;

import io.newswatch.app.runtime.Pipeline;
import picocli.CommandLine.Command;

/** {@code newswatch run}: the whole pipeline in one process, on the embedded broker unless a cluster is configured. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run the whole pipeline: ingest, enrich, alerts and webhook delivery.",
            "With no kafka.bootstrap-servers, first starts an embedded single-node Kafka broker on 127.0.0.1:9092 with its data "
                    + "under ./data (kept across restarts).",
            "Creates missing topics, logs where Kafka is and how to tail it, and runs until Ctrl-C or SIGTERM, then stops cleanly."})
public final class RunCommand extends StagesCommand {

    public RunCommand() {
        super("newswatch", Pipeline.EVERY_STAGE);
    }
}
