package io.newswatch.app.runtime;

import io.newswatch.alerts.AlertsSettings;
import io.newswatch.alerts.AlertsTopology;
import io.newswatch.alerts.watch.WatchBootstrap;
import io.newswatch.alerts.watch.WatchFile;
import io.newswatch.alerts.watch.WatchValidator;
import io.newswatch.app.monitor.PipelineMeters;
import io.newswatch.core.Settings;
import io.newswatch.core.Topics;
import io.newswatch.eventtime.MergeInput;
import io.newswatch.eventtime.MergeProgress;
import java.nio.file.Files;
import org.apache.kafka.streams.Topology;

/**
 * Detection, the {@code alerts} stage: the watches file seeded into the watches topic, then the Kafka Streams application
 * of {@link AlertsTopology}, enriched articles to alert events. No webhook is called here ({@link DeliverStage} does
 * that), so a backtest can detect without reaching any live sink. A bad watch in the file fails when the stage is
 * planned, naming the watch and the field (seeding checks again, against the topic).
 */
public final class DetectStage implements PipelineStage {

    /** Its label is the module's name, which /ready and the metrics have always used. */
    public static final String LABEL = "alerts";

    private final AlertsSettings settings;
    private final MergeProgress merge = new MergeProgress();

    private DetectStage(AlertsSettings settings) {
        this.settings = settings;
    }

    public static DetectStage plan(Settings settings) {
        AlertsSettings alerts = AlertsSettings.from(settings);
        if (Files.isRegularFile(alerts.watchesFile())) {
            WatchValidator validator = new WatchValidator(alerts.watchDefaults(), alerts.topics());
            WatchFile.load(alerts.watchesFile()).forEach(validator::validate);
        }
        return new DetectStage(alerts);
    }

    @Override
    public String label() {
        return LABEL;
    }

    public AlertsSettings settings() {
        return settings;
    }

    /** Progress of the event-time merge in front of detection. */
    public MergeProgress merge() {
        return merge;
    }

    @Override
    public RunningStage start(StageContext context) {
        Topics topics = context.topics();
        KafkaCluster cluster = context.cluster();
        WatchBootstrap.seed(settings.watchesFile(), settings.watchDefaults(), cluster.clientProperties(), topics);
        Topology topology = AlertsTopology.build(settings, topics, new MergeInput(cluster.partitions(topics.enriched()), merge));
        StreamsStage stage = StreamsStage.start(LABEL, topology, AlertsTopology.streamsProperties(settings, cluster.clientProperties()),
                context.failures());
        stage.bindMeters(context.monitor(), PipelineMeters.alerts(stage.kafkaStreams()::metrics, topics));
        return stage;
    }
}
