package io.newswatch.app.command;

import io.newswatch.app.CommonOptions;
import io.newswatch.app.EmbeddedBrokerOptions;
import io.newswatch.app.runtime.Pipeline;
import java.util.EnumSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code newswatch ingest}: the ingest stage alone, for running the stages as separate processes or on separate machines. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Run the ingest stage alone: poll the configured feeds and publish new articles to news.articles.raw.",
            "Uses the configured Kafka cluster, or starts the embedded broker when none is configured. Runs until Ctrl-C."})
public final class IngestCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    EmbeddedBrokerOptions broker;

    @Override
    public Integer call() throws Exception {
        return PipelineLauncher.run("the ingest stage", common.load(broker.overrides()), EnumSet.of(Pipeline.Stage.INGEST));
    }
}
