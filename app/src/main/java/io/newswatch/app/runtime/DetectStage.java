package io.newswatch.app.runtime;

import io.newswatch.alerts.AlertsSettings;
import io.newswatch.alerts.AlertsTopology;
import io.newswatch.alerts.watch.BaselineLearner;
import io.newswatch.alerts.watch.WatchBootstrap;
import io.newswatch.alerts.watch.WatchFile;
import io.newswatch.alerts.watch.WatchValidator;
import io.newswatch.app.backtest.WatchTester;
import io.newswatch.app.cli.UsageException;
import io.newswatch.app.monitor.PipelineMeters;
import io.newswatch.app.monitor.StageMeters;
import io.newswatch.core.LearnedBaseline;
import io.newswatch.core.Settings;
import io.newswatch.core.Topics;
import io.newswatch.core.Watch;
import io.newswatch.eventtime.MergeInput;
import io.newswatch.eventtime.MergeProgress;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Detection, the {@code alerts} stage: the watches file seeded into the watches topic, then the Kafka Streams application
 * of {@link AlertsTopology}, enriched articles to alert events. No webhook is called here ({@link DeliverStage} does
 * that), so a backtest can detect without reaching any live sink. A bad watch in the file fails when the stage is
 * planned, naming the watch and the field (seeding checks again, against the topic).
 */
public final class DetectStage extends MergingStreamsStage {

    /** Its label is the module's name, which /ready and the metrics have always used. */
    public static final String LABEL = "alerts";

    private static final Logger LOG = LoggerFactory.getLogger(DetectStage.class);

    private final AlertsSettings settings;
    private final boolean learnAtStart;

    private DetectStage(AlertsSettings settings, boolean learnAtStart) {
        this.settings = settings;
        this.learnAtStart = learnAtStart;
    }

    public static DetectStage plan(Settings settings) {
        AlertsSettings alerts = AlertsSettings.from(settings);
        if (Files.isRegularFile(alerts.watchesFile())) {
            WatchValidator validator = new WatchValidator(alerts.watchDefaults(), alerts.topics());
            WatchFile.load(alerts.watchesFile()).forEach(validator::validate);
        }
        return new DetectStage(alerts, settings.get(AlertsSettings.LEARN_AT_START));
    }

    @Override
    public String label() {
        return LABEL;
    }

    public AlertsSettings settings() {
        return settings;
    }

    /** The watches file seeded into the watches topic, its new watches learned, before detection starts. */
    @Override
    protected void prepare(StageContext context) {
        Topics topics = context.topics();
        KafkaCluster cluster = context.cluster();
        BaselineLearner learner = learnAtStart ? watches -> learnFromHistory(cluster, topics, watches) : BaselineLearner.NONE;
        WatchBootstrap.seed(settings.watchesFile(), settings.watchDefaults(), cluster.clientProperties(), topics, learner);
    }

    @Override
    protected Topology topology(StageContext context, MergeProgress merge) {
        Topics topics = context.topics();
        return AlertsTopology.build(settings, topics, new MergeInput(context.cluster().partitions(topics.enriched()), merge));
    }

    @Override
    protected Properties streamsProperties(Properties clientProperties) {
        return AlertsTopology.streamsProperties(settings, clientProperties);
    }

    @Override
    protected StageMeters meters(Supplier<? extends Map<MetricName, ? extends Metric>> metrics, StageContext context) {
        return PipelineMeters.alerts(metrics, context.topics());
    }

    /**
     * What {@code newswatch watch add} does for one watch, for the new watches of the file: the detector run over the stored
     * enriched history. It holds up the start of detection once, when a watch is new (about as long as {@code watch test}
     * takes on that history); a watch already stored with the same subject is not read again.
     */
    private Map<String, LearnedBaseline> learnFromHistory(KafkaCluster cluster, Topics topics, List<Watch> watches) {
        LOG.info("learning the baselines of {} new or changed watches from the stored history on {}", watches.size(), topics.enriched());
        try {
            return new WatchTester(cluster.clientProperties(), settings, LOG::debug).learn(topics.enriched(), watches);
        } catch (UsageException noHistory) {
            LOG.info("no stored history to learn from ({}): the watches start cold", noHistory.getMessage());
            return Map.of();
        } catch (RuntimeException e) {
            // Learning only warms a watch up: a history that cannot be read must not keep detection from starting.
            LOG.warn("could not learn from the stored history on {} ({}): the watches start cold", topics.enriched(), e.toString());
            return Map.of();
        }
    }
}
