package io.newswatch.app.command;

import io.newswatch.app.CommonOptions;
import io.newswatch.app.EmbeddedBrokerOptions;
import io.newswatch.app.runtime.Pipeline;
import java.util.EnumSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code newswatch enrich}: the enrich stage alone; instances with the same settings share the work (one Streams application id). */
@Command(name = "enrich", mixinStandardHelpOptions = true,
        description = {"Run the enrich stage alone (Kafka Streams): news.articles.raw to news.articles.enriched, deduplicated, tagged, with entities and story ids.",
            "Uses the configured Kafka cluster, or starts the embedded broker when none is configured. Instances with the same settings share the work. Runs until Ctrl-C."})
public final class EnrichCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    EmbeddedBrokerOptions broker;

    @Override
    public Integer call() throws Exception {
        return PipelineLauncher.run("the enrich stage", common.load(broker.overrides()), EnumSet.of(Pipeline.Stage.ENRICH));
    }
}
