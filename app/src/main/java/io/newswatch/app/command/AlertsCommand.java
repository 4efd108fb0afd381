package io.newswatch.app.command;

import io.newswatch.app.runtime.DeliverStage;
import io.newswatch.app.runtime.DetectStage;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code newswatch alerts}: the alerts stage and webhook delivery alone; instances with the same settings share the work. */
@Command(name = "alerts", mixinStandardHelpOptions = true,
        description = {"Run the alerts stage alone (Kafka Streams): news.articles.enriched to news.alerts, with watches from "
                + "news.watches, plus webhook delivery.",
            "Uses the configured Kafka cluster, or starts the embedded broker when none is configured. Runs until Ctrl-C."})
public final class AlertsCommand extends StagesCommand {

    public AlertsCommand() {
        super("the alerts stage", List.of(DetectStage::plan, DeliverStage::plan));
    }
}
