package io.newswatch.app.command;

import io.newswatch.app.runtime.EnrichStage;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code newswatch enrich}: the enrich stage alone; instances with the same settings share the work (one Streams application id). */
@Command(name = "enrich", mixinStandardHelpOptions = true,
        description = {"Run the enrich stage alone (Kafka Streams): news.articles.raw to news.articles.enriched, deduplicated, "
                + "tagged, with entities and story ids.",
            "Uses the configured Kafka cluster, or starts the embedded broker when none is configured. Instances with the same "
                    + "settings share the work. Runs until Ctrl-C."})
public final class EnrichCommand extends StagesCommand {

    public EnrichCommand() {
        super("the enrich stage", List.of(EnrichStage::plan));
    }
}
