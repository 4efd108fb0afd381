package io.newswatch.app.command;

import io.newswatch.app.CommonOptions;
import io.newswatch.app.EmbeddedBrokerOptions;
import io.newswatch.app.runtime.Pipeline;
import java.util.EnumSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code newswatch alerts}: the alerts stage and webhook delivery alone; instances with the same settings share the work. */
@Command(name = "alerts", mixinStandardHelpOptions = true,
        description = {"Run the alerts stage alone (Kafka Streams): news.articles.enriched to news.alerts, with watches from news.watches, plus webhook delivery.",
            "Uses the configured Kafka cluster, or starts the embedded broker when none is configured. Runs until Ctrl-C."})
public final class AlertsCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    EmbeddedBrokerOptions broker;

    @Override
    public Integer call() throws Exception {
        return PipelineLauncher.run("the alerts stage", common.load(broker.overrides()), EnumSet.of(Pipeline.Stage.ALERTS));
    }
}
