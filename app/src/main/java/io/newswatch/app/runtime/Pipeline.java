package io.newswatch.app.runtime;

import io.newswatch.alerts.AlertsSettings;
import io.newswatch.alerts.AlertsTopology;
import io.newswatch.alerts.delivery.WebhookDispatcher;
import io.newswatch.alerts.watch.WatchBootstrap;
import io.newswatch.alerts.watch.WatchFile;
import io.newswatch.alerts.watch.WatchValidator;
import io.newswatch.app.monitor.FeedMeters;
import io.newswatch.app.monitor.Monitor;
import io.newswatch.app.monitor.PipelineMeters;
import io.newswatch.app.monitor.StageMeters;
import io.newswatch.app.monitor.StageStatus;
import io.newswatch.core.Settings;
import io.newswatch.core.TopicLayout;
import io.newswatch.core.Topics;
import io.newswatch.enrich.EnrichSettings;
import io.newswatch.enrich.EnrichTopology;
import io.newswatch.enrich.entities.Gazetteer;
import io.newswatch.enrich.taxonomy.TaxonomyTagger;
import io.newswatch.eventtime.MergeInput;
import io.newswatch.eventtime.MergeProgress;
import io.newswatch.ingest.service.IngestService;
import io.newswatch.ingest.IngestSettings;
import io.newswatch.ingest.group.FeedBootstrap;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stages of the pipeline and how they are started. Every stage's settings are read, and its taxonomy
 * and watches checked, by {@link #plan} before anything starts, so that a bad setting or rule stops the
 * command with exit code 2 before a broker has been started for nothing. {@link #start} then starts the
 * chosen stages downstream first (enrich, alerts, then ingest), so that nothing produced waits for a
 * consumer, and hands each to the {@link Supervisor}, which closes them in reverse order: ingest stops
 * producing first, the broker goes last.
 */
public final class Pipeline {

    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

    /**
     * One stage of the pipeline. DELIVER (webhooks) is apart from ALERTS (detection) so that a backtest can
     * detect without reaching any live sink.
     */
    public enum Stage {
        INGEST, ENRICH, ALERTS, DELIVER;

        /** The stage's name in metrics and in /ready: {@code ingest}, {@code enrich}, {@code alerts}, {@code deliver}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Set<Stage> stages;
    private final AppSettings app;
    private final TopicLayout layout;
    private final IngestSettings ingest;
    private final EnrichSettings enrich;
    private final AlertsSettings alerts;
    private final MergeProgress enrichMerge = new MergeProgress();
    private final MergeProgress alertsMerge = new MergeProgress();
    private final List<StreamsStage> streamsStages = new ArrayList<>();

    private Pipeline(Set<Stage> stages, AppSettings app, TopicLayout layout, IngestSettings ingest, EnrichSettings enrich,
                     AlertsSettings alerts) {
        this.stages = stages;
        this.app = app;
        this.layout = layout;
        this.ingest = ingest;
        this.enrich = enrich;
        this.alerts = alerts;
    }

    /** Reads and checks the settings of the chosen stages; fails with SettingsException (or a rule or watch error) naming what is wrong. */
    public static Pipeline plan(Settings settings, Set<Stage> stages) {
        AppSettings app = AppSettings.from(settings);
        Topics topics = app.kafka().topics();
        TopicLayout layout = TopicLayout.from(settings, topics);
        IngestSettings ingest = stages.contains(Stage.INGEST) ? IngestSettings.from(settings) : null;
        EnrichSettings enrich = stages.contains(Stage.ENRICH) ? EnrichSettings.from(settings) : null;
        AlertsSettings alerts = stages.contains(Stage.ALERTS) || stages.contains(Stage.DELIVER) ? AlertsSettings.from(settings) : null;
        if (enrich != null) {
            // Compiles the taxonomy and reads the gazetteer once now: a rule with a syntax error or a bad gazetteer
            // entry fails here, naming the tag and position or the file and entry, not later inside a stream thread.
            TaxonomyTagger.load(enrich.taxonomyPath()).close();
            Gazetteer.load(enrich.gazetteerDir());
        }
        if (stages.contains(Stage.ALERTS) && Files.isRegularFile(alerts.watchesFile())) {
            // A bad watch in the file fails here, naming the watch and the field (seeding checks again, against the topic).
            WatchValidator validator = new WatchValidator(alerts.watchDefaults(), topics);
            WatchFile.load(alerts.watchesFile()).forEach(validator::validate);
        }
        return new Pipeline(EnumSet.copyOf(stages), app, layout, ingest, enrich, alerts);
    }

    /** Logs {@link IngestStatus} every {@code app.status-interval} on a daemon thread; closing stops it. */
    private AutoCloseable statusLog(IngestService service) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "newswatch-status");
            t.setDaemon(true);
            return t;
        });
        long every = app.statusInterval().toMillis();
        timer.scheduleAtFixedRate(() -> {
            try {
                LOG.info(IngestStatus.summarize(service.stats().values()));
            } catch (RuntimeException e) {
                LOG.warn("ingest status unavailable: {}", e.toString());
            }
        }, every, every, TimeUnit.MILLISECONDS);
        return timer::shutdownNow;
    }

    public AppSettings app() {
        return app;
    }

    /** The stages this pipeline runs, by {@link Stage#label()}, in the order /ready lists them. */
    public List<String> stageLabels() {
        return stages.stream().map(Stage::label).toList();
    }

    /** Progress of enrich's event-time merge (dedup and story ids), when this process runs enrich. */
    public MergeProgress enrichMerge() {
        return enrichMerge;
    }

    /** Progress of alerts' event-time merge (detection), when this process runs alerts. */
    public MergeProgress alertsMerge() {
        return alertsMerge;
    }

    /**
     * True when both merges have nothing left: enrich's raw partitions are all idle and it has released everything,
     * and detection has released everything up to where enrich got (it follows enrich's watermarks). With the
     * committed offsets of their topics at their ends (see {@link GroupProgress#lag}), the stages are done.
     */
    public boolean mergesDrained() {
        return enrichMerge.drained() && enrichMerge.buffered() == 0
                && alertsMerge.buffered() == 0 && alertsMerge.eventTimeMs() >= enrichMerge.eventTimeMs();
    }

    /** Sum over this process's Streams stages of a metric of ours, e.g. {@code late-records-total}. */
    public double streamsMetricTotal(String metricName) {
        return streamsStages.stream().mapToDouble(s -> s.metricTotal(metricName)).sum();
    }

    /** Creates the pipeline's missing topics (a replay does this before it copies, ahead of {@link #start}). */
    public void provisionTopics(KafkaCluster cluster) {
        cluster.provisionTopics(layout);
    }

    /** As {@link #start(KafkaCluster, Supervisor, Monitor)}, with no metrics or readiness. */
    public void start(KafkaCluster cluster, Supervisor supervisor) {
        start(cluster, supervisor, Monitor.off(), Map.of());
    }

    /**
     * Creates missing topics, then starts the stages; each is registered with the supervisor, which stops them, and with
     * the monitor: its meters, and how /ready tells that it runs.
     */
    public void start(KafkaCluster cluster, Supervisor supervisor, Monitor monitor) {
        start(cluster, supervisor, monitor, Map.of());
    }

    /**
     * As {@link #start(KafkaCluster, Supervisor, Monitor)}, over a raw topic that is complete before the stages start (a
     * replay's copy) when {@code rawEnds} is not empty: the end offset of each raw partition, so that a raw partition counts
     * as idle as soon as it has been read to its end, instead of after {@code enrich.idle-after} of wall-clock quiet.
     */
    public void start(KafkaCluster cluster, Supervisor supervisor, Monitor monitor, Map<Integer, Long> rawEnds) {
        Topics topics = app.kafka().topics();
        cluster.provisionTopics(layout);
        if (enrich != null) {
            // The taxonomy is compiled once here; each stream task gets its own tagger over it (as the tests build it).
            Topology topology = EnrichTopology.build(enrich, topics, new MergeInput(cluster.partitions(topics.raw()), enrichMerge,
                    rawEnds));
            StreamsStage stage = supervisor.manage(StreamsStage.start("enrich", topology,
                    EnrichTopology.streamsProperties(enrich, cluster.clientProperties()), supervisor::fail));
            streamsStages.add(stage);
            monitor(monitor, Stage.ENRICH, stage, PipelineMeters.enrich(stage.kafkaStreams()::metrics, topics));
        }
        if (stages.contains(Stage.ALERTS)) {
            WatchBootstrap.seed(alerts.watchesFile(), alerts.watchDefaults(), cluster.clientProperties(), topics);
            Topology topology = AlertsTopology.build(alerts, topics, new MergeInput(cluster.partitions(topics.enriched()), alertsMerge));
            StreamsStage stage = supervisor.manage(StreamsStage.start("alerts", topology,
                    AlertsTopology.streamsProperties(alerts, cluster.clientProperties()), supervisor::fail));
            streamsStages.add(stage);
            monitor(monitor, Stage.ALERTS, stage, PipelineMeters.alerts(stage.kafkaStreams()::metrics, topics));
        }
        if (stages.contains(Stage.DELIVER)) {
            // Its own consumer group on the alert topic: a slow webhook never holds up detection.
            WebhookDispatcher webhooks = new WebhookDispatcher(alerts, cluster.clientProperties(), topics);
            webhooks.start();
            supervisor.manage(webhooks);
            monitor.bindConsumer(webhooks.alertConsumer());
            monitor.bindProducer(webhooks.deadLetterProducer());
            monitor.bind(PipelineMeters.deliver(webhooks, topics));
            monitor.stage(Stage.DELIVER.label(), () -> StageStatus.of(webhooks.running()));
        }
        if (ingest != null) {
            // The configured lists go into the feeds topic, which the ingest instances share (FeedGroup).
            FeedBootstrap.seed(ingest, cluster.clientProperties(), topics);
            IngestService service = new IngestService(ingest, cluster.clientProperties(), topics);
            service.start();
            supervisor.manage(service);
            service.kafkaProducer().ifPresent(monitor::bindProducer);
            monitor.bind(new FeedMeters(() -> service.stats().values(), topics.raw(), monitor.perFeedMetrics()));
            monitor.stage(Stage.INGEST.label(), () -> StageStatus.of(service.running()));
            if (!app.statusInterval().isZero()) {
                supervisor.manage(statusLog(service));
            }
        }
        LOG.info("Started {}", stages);
    }

    private static void monitor(Monitor monitor, Stage name, StreamsStage stage, StageMeters meters) {
        monitor.bindStreams(stage.kafkaStreams());
        monitor.bind(meters);
        monitor.stage(name.label(), () -> {
            KafkaStreams.State state = stage.state();
            return new StageStatus(state == KafkaStreams.State.RUNNING, state.name());
        });
    }
}
