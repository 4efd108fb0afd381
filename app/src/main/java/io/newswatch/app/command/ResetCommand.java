package io.newswatch.app.command;

import io.newswatch.alerts.AlertsSettings;
import io.newswatch.alerts.AlertsTopology;
import io.newswatch.app.options.CommonOptions;
import io.newswatch.app.options.EmbeddedBrokerOptions;
import io.newswatch.app.runtime.AppSettings;
import io.newswatch.app.runtime.KafkaCluster;
import io.newswatch.app.runtime.StreamsReset;
import io.newswatch.core.Settings;
import io.newswatch.enrich.EnrichSettings;
import io.newswatch.enrich.EnrichTopology;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code newswatch reset STAGE}: the explicit way to make a Streams stage start over. Never done on
 * start: a stage always resumes where it stopped, and reprocessing is a decision (a new taxonomy to
 * apply to the week on the topic, a broken state to rebuild).
 */
@Command(name = "reset", mixinStandardHelpOptions = true,
        description = {"Make a Kafka Streams stage forget its progress and local state, so that its next start reprocesses "
                + "its input topic from the earliest record.",
            "Deletes the stage's consumer group (committed offsets), its internal changelog and repartition topics, and its "
                    + "state under the data directory. Input and output topics are kept. Refused while the stage is running."})
public final class ResetCommand implements Callable<Integer> {

    /** The stages that have something to reset. */
    enum Target { enrich, alerts, all }

    @Mixin
    CommonOptions common;

    @Mixin
    EmbeddedBrokerOptions broker;

    @Parameters(index = "0", paramLabel = "STAGE", description = "enrich, alerts or all.")
    Target target;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Settings settings = common.load(broker.overrides());
        KafkaCluster cluster = KafkaCluster.clientOf(AppSettings.from(settings));
        List<Properties> stages = new ArrayList<>();
        if (target != Target.alerts) {
            stages.add(EnrichTopology.streamsProperties(EnrichSettings.from(settings), cluster.clientProperties()));
        }
        if (target != Target.enrich) {
            stages.add(AlertsTopology.streamsProperties(AlertsSettings.from(settings), cluster.clientProperties()));
        }
        PrintWriter out = spec.commandLine().getOut();
        for (Properties stage : stages) {
            StreamsReset.Result r = StreamsReset.reset(stage);
            out.println("reset " + r.applicationId() + ": "
                    + (r.groupDeleted() ? "consumer group deleted" : "no consumer group") + ", "
                    + (r.topicsDeleted().isEmpty() ? "no internal topics" : "deleted topics " + r.topicsDeleted()) + ", "
                    + (r.stateDirDeleted() == null ? "no local state" : "deleted local state " + r.stateDirDeleted()));
        }
        out.println("the next start reprocesses from the earliest record");
        return 0;
    }
}
