package io.newswatch.app.command;

import io.newswatch.app.runtime.IngestStage;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code newswatch ingest}: the ingest stage alone, for running the stages as separate processes or on separate machines. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Run the ingest stage alone: seed the configured feed lists into news.feeds, poll this instance's share of "
                + "its feeds and publish new articles to news.articles.raw. Several instances share the feeds.",
            "Uses the configured Kafka cluster, or starts the embedded broker when none is configured. Runs until Ctrl-C."})
public final class IngestCommand extends StagesCommand {

    public IngestCommand() {
        super("the ingest stage", List.of(IngestStage::plan));
    }
}
