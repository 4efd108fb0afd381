package io.newswatch.app.runtime;

import io.newswatch.app.monitor.Monitor;
import io.newswatch.core.Settings;
import io.newswatch.core.TopicLayout;
import io.newswatch.eventtime.MergeProgress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stages a command runs, and how they are started. {@link #plan} builds every chosen {@link PipelineStage} from the
 * settings (each stage's {@code plan}: settings read, taxonomy compiled, watches checked) before anything starts, so that
 * a bad setting or rule stops the command with exit code 2 before a broker has been started for nothing. {@link #start}
 * then starts them downstream first (delivery, detection, enrich, then ingest), so that nothing produced waits for a
 * consumer, and hands each to the {@link Supervisor}, which closes them in reverse order: ingest stops producing first,
 * delivery last, the broker after all of them.
 *
 * <pre>{@code
 * Pipeline pipeline = Pipeline.plan(settings, List.of(EnrichStage::plan, DetectStage::plan));
 * pipeline.start(cluster, supervisor, monitor);
 * }</pre>
 */
public final class Pipeline {

    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

    /** Every stage, in pipeline order: what {@code newswatch run} runs. */
    public static final List<Function<Settings, PipelineStage>> EVERY_STAGE =
            List.of(IngestStage::plan, EnrichStage::plan, DetectStage::plan, DeliverStage::plan);

    private final AppSettings app;
    private final TopicLayout layout;
    /** In pipeline order, upstream first. */
    private final List<PipelineStage> stages;
    private final List<RunningStage> running = new ArrayList<>();

    private Pipeline(AppSettings app, TopicLayout layout, List<PipelineStage> stages) {
        this.app = app;
        this.layout = layout;
        this.stages = List.copyOf(stages);
    }

    /**
     * Reads and checks the settings of the chosen stages, given in pipeline order (upstream first); fails with
     * SettingsException (or a rule or watch error) naming what is wrong.
     */
    public static Pipeline plan(Settings settings, List<Function<Settings, PipelineStage>> planners) {
        AppSettings app = AppSettings.from(settings);
        TopicLayout layout = TopicLayout.from(settings, app.kafka().topics());
        return new Pipeline(app, layout, planners.stream().map(plan -> plan.apply(settings)).toList());
    }

    public AppSettings app() {
        return app;
    }

    /** The stages this pipeline runs, by {@link PipelineStage#label()}, in the order /ready lists them. */
    public List<String> stageLabels() {
        return stages.stream().map(PipelineStage::label).toList();
    }

    /** The planned stage of that class, if this pipeline runs it. */
    public <S extends PipelineStage> Optional<S> stage(Class<S> kind) {
        return stages.stream().filter(kind::isInstance).map(kind::cast).findFirst();
    }

    /** Progress of enrich's event-time merge (dedup and story ids); a merge that never moves when enrich runs elsewhere. */
    public MergeProgress enrichMerge() {
        return stage(EnrichStage.class).map(EnrichStage::merge).orElseGet(MergeProgress::new);
    }

    /** Progress of detection's event-time merge; a merge that never moves when detection runs elsewhere. */
    public MergeProgress alertsMerge() {
        return stage(DetectStage.class).map(DetectStage::merge).orElseGet(MergeProgress::new);
    }

    /**
     * True when both merges have nothing left: enrich's raw partitions are all idle and it has released everything,
     * and detection has released everything up to where enrich got (it follows enrich's watermarks). With the
     * committed offsets of their topics at their ends (see {@link GroupProgress#lag}), the stages are done.
     */
    public boolean mergesDrained() {
        MergeProgress enrichMerge = enrichMerge();
        MergeProgress alertsMerge = alertsMerge();
        return enrichMerge.drained() && enrichMerge.buffered() == 0
                && alertsMerge.buffered() == 0 && alertsMerge.eventTimeMs() >= enrichMerge.eventTimeMs();
    }

    /** Sum over this process's running stages of a metric of ours, e.g. {@code late-records-total}. */
    public double streamsMetricTotal(String metricName) {
        return running.stream().mapToDouble(s -> s.streamsMetricTotal(metricName)).sum();
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
        cluster.provisionTopics(layout);
        StageContext context = new StageContext(cluster, app.kafka().topics(), monitor, supervisor::fail, rawEnds);
        for (PipelineStage stage : stages.reversed()) {
            RunningStage started = supervisor.manage(stage.start(context));
            running.add(started);
            monitor.stage(stage.label(), started::status);
        }
        LOG.info("Started {}", stageLabels());
    }
}
