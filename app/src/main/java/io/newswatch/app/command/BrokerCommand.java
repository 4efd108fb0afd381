package io.newswatch.app.command;

import io.newswatch.app.cli.UsageException;
import io.newswatch.app.options.CommonOptions;
import io.newswatch.app.options.EmbeddedBrokerOptions;
import io.newswatch.app.runtime.AppSettings;
import io.newswatch.app.runtime.KafkaCluster;
import io.newswatch.app.runtime.Supervisor;
import io.newswatch.core.KafkaSettings;
import io.newswatch.core.Settings;
import io.newswatch.core.TopicLayout;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code newswatch broker}: the embedded broker alone, with the pipeline's topics, for stages run as separate processes. */
@Command(name = "broker", mixinStandardHelpOptions = true,
        description = {"Start only the embedded single-node Kafka broker (KRaft) and create the pipeline's topics.",
            "Stages started separately (newswatch ingest/enrich/alerts --bootstrap-servers 127.0.0.1:9092) and any Kafka client "
                    + "can use it.",
            "Stops cleanly on Ctrl-C or SIGTERM; data is kept under the data directory."})
public final class BrokerCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerCommand.class);

    @Mixin
    CommonOptions common;

    @Mixin
    EmbeddedBrokerOptions broker;

    @Override
    public Integer call() throws Exception {
        Settings settings = common.load(broker.overrides());
        AppSettings app = AppSettings.from(settings);
        if (app.kafka().bootstrapServers().isPresent()) {
            throw new UsageException("the broker command starts the embedded broker, but " + KafkaSettings.BOOTSTRAP_SERVERS
                    + " is set to " + app.kafka().bootstrapServers().get() + "; unset it to start one here");
        }
        TopicLayout layout = TopicLayout.from(settings, app.kafka().topics());
        try (Supervisor supervisor = new Supervisor("the embedded broker")) {
            KafkaCluster cluster = supervisor.manage(KafkaCluster.connectOrStartEmbedded(app));
            cluster.provisionTopics(layout);
            LOG.info("{}. Stop with Ctrl-C.", cluster.describe());
            return supervisor.awaitStop();
        }
    }
}
