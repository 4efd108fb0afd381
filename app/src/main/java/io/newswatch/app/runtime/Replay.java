package io.newswatch.app.runtime;

import io.newswatch.alerts.AlertsSettings;
import io.newswatch.alerts.AlertsTopology;
import io.newswatch.app.cli.UsageException;
import io.newswatch.app.monitor.Monitor;
import io.newswatch.core.KafkaSettings;
import io.newswatch.core.Setting;
import io.newswatch.core.Settings;
import io.newswatch.core.TopicLayout;
import io.newswatch.core.Topics;
import io.newswatch.enrich.EnrichSettings;
import io.newswatch.enrich.EnrichTopology;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A backtest: the enrich and alerts stages run over a copy of stored articles under another topic prefix,
 * beside the live pipeline on the same cluster, so that a new taxonomy or new watches can be judged on
 * real history before they go live.
 *
 * <p>Steps: the prefixed topics are created (the raw copy with as many partitions as the sources, and every
 * prefixed topic with unlimited retention: Kafka deletes by record timestamp, and replayed articles are old);
 * the sources are copied partition to partition ({@link TopicCopier}); then enrich and alerts start under the
 * prefix (their application ids carry it, so they share nothing with live), without webhook delivery unless asked.
 * Copying first means every input partition holds its whole history when the stages start, so the event-time
 * merges see the same input in every run: two replays of the same sources give the same alerts
 * (docs/EVENT-TIME.md).
 *
 * <p>The replay ends when every topic of the backtest, internal ones included, has been consumed to its end
 * and both event-time merges have released everything they held; a Ctrl-C or a failed stage ends it
 * unfinished, and the result says what was left.
 */
public final class Replay {

    private static final Logger LOG = LoggerFactory.getLogger(Replay.class);
    private static final Duration CHECK_EVERY = Duration.ofMillis(500);
    /**
     * Defaults of a replay, where the live settings do not say otherwise. Commits: nobody waits for a backtest's alerts
     * within 100 ms, and each exactly-once commit is a transaction; fewer of them is throughput. Two enrich stream
     * threads: with one, the parallel stage, the merge and every commit (which blocks the thread) take turns on one
     * thread; with two, 500,000 articles replayed in 74.5 s instead of 106.8 s on two cores (docs/BENCHMARKS.md). (Idleness needs no
     * replay default: every raw partition is copied whole before the stages start, and counts as idle as soon as it has
     * been read to its end; {@code enrich.idle-after} is only the fallback for a partition whose last records are dead
     * letters, and at its live default it is long enough that no stall of a busy machine looks like an end, which
     * a replay's former 10 s was not: under a load of 12 on two cores, a stalled partition once counted as idle and
     * its articles as late.)
     */
    static final Map<Setting<?>, String> REPLAY_DEFAULTS = Map.of(
            EnrichSettings.THREADS, "2",
            EnrichSettings.COMMIT_INTERVAL, "1s",
            AlertsSettings.COMMIT_INTERVAL, "1s");

    /**
     * What to replay.
     *
     * @param timeout give up (unfinished) after this long; null for no limit
     */
    public record Options(List<String> sources, TopicCopier.Slice slice, boolean webhooks, Duration timeout) {
    }

    /** What is left to do, from committed offsets and the merges' state. */
    public record Backlog(long raw, long enrichMerge, long enriched, long detectMerge, boolean drained) {
        public boolean done() {
            return raw == 0 && enrichMerge == 0 && enriched == 0 && detectMerge == 0 && drained;
        }

        /** Plain words for whatever is not done. */
        public String describe() {
            List<String> left = new ArrayList<>();
            if (raw > 0) {
                left.add(raw + " raw articles not yet enriched");
            }
            if (enrichMerge > 0) {
                left.add(enrichMerge + " records not yet read by enrich's event-time merge");
            }
            if (enriched > 0) {
                left.add(enriched + " enriched articles not yet matched against the watches");
            }
            if (detectMerge > 0) {
                left.add(detectMerge + " records not yet read by detection's event-time merge");
            }
            if (!drained) {
                left.add("articles still waiting in an event-time merge for their watermark");
            }
            return left.isEmpty() ? "nothing" : String.join("; ", left);
        }
    }

    /** What a replay did. */
    public record Result(String prefix, long copied, boolean finished, Backlog left, long duplicates, long lateEnriched,
                         long lateDropped) {
    }

    private Replay() {
    }

    /**
     * The settings of a backtest under {@code prefix}: the same as live, but other topics, unlimited retention,
     * a raw copy with {@code rawPartitions} partitions and longer commits (see {@link #REPLAY_DEFAULTS}).
     */
    public static Settings backtestSettings(Settings live, String prefix, int rawPartitions) {
        Settings backtest = live.with(KafkaSettings.TOPIC_PREFIX, prefix)
                .with(TopicLayout.partitions("raw"), Integer.toString(rawPartitions));
        for (String topic : List.of("raw", "enriched", "alerts", "dlq")) {
            backtest = backtest.with(TopicLayout.retention(topic), TopicLayout.FOREVER);
        }
        for (Map.Entry<Setting<?>, String> replayDefault : REPLAY_DEFAULTS.entrySet()) {
            if (!live.isSet(replayDefault.getKey())) {
                backtest = backtest.with(replayDefault.getKey(), replayDefault.getValue());
            }
        }
        // Never the wall clock in a backtest: its result must not depend on when it runs (docs/EVENT-TIME.md). Nor a baseline
        // learned at start: the backtest's history is what it replays, and a baseline learned from it would be its future.
        return backtest.with(EnrichSettings.IDLE_CLOCK, "false").with(AlertsSettings.LEARN_AT_START, "false");
    }

    /** The stages a replay runs: enrich and detection, and webhook delivery only when asked (it posts to live webhooks). */
    public static List<Function<Settings, PipelineStage>> stages(Options options) {
        return options.webhooks()
                ? List.of(EnrichStage::plan, DetectStage::plan, DeliverStage::plan)
                : List.of(EnrichStage::plan, DetectStage::plan);
    }

    /** The labels of {@link #stages}, known before the settings are (the monitor starts before the replay is planned). */
    public static List<String> stageLabels(Options options) {
        return options.webhooks()
                ? List.of(EnrichStage.LABEL, DetectStage.LABEL, DeliverStage.LABEL)
                : List.of(EnrichStage.LABEL, DetectStage.LABEL);
    }

    /** As {@link #run(Settings, String, Options, Supervisor, ProgressLine, Monitor)}, with no metrics or readiness. */
    public static Result run(Settings live, String prefix, Options options, Supervisor supervisor, ProgressLine progressLine)
            throws InterruptedException {
        return run(live, prefix, options, supervisor, progressLine, Monitor.off());
    }

    /**
     * Runs the backtest; returns when it is done or the supervisor was asked to stop (Ctrl-C, a failed stage).
     *
     * @param live    the live settings (the prefix and the rest are derived here)
     * @param prefix  the backtest's topic prefix
     * @param monitor where the replay's stages register their meters and readiness
     */
    public static Result run(Settings live, String prefix, Options options, Supervisor supervisor, ProgressLine progressLine,
                             Monitor monitor) throws InterruptedException {
        KafkaCluster liveCluster = KafkaCluster.clientOf(AppSettings.from(live));
        try (GroupProgress progress = new GroupProgress(liveCluster.clientProperties())) {
            int partitions = 1;
            for (String source : options.sources()) {
                if (!progress.exists(source)) {
                    throw new UsageException("topic " + source + " does not exist");
                }
                partitions = Math.max(partitions, liveCluster.partitions(source));
            }
            Settings backtest = backtestSettings(live, prefix, partitions);
            Pipeline pipeline = Pipeline.plan(backtest, stages(options));
            Topics topics = pipeline.app().kafka().topics();
            if (topics.prefix().isEmpty()) {
                throw new UsageException("a replay needs its own topic prefix (--prefix backtest.), or it would write into the "
                        + "live topics");
            }
            if (options.sources().contains(topics.raw())) {
                throw new UsageException("the replay would read and write " + topics.raw()
                        + "; replay from the live topics under another prefix");
            }
            if (progress.exists(topics.raw()) && progress.size(topics.raw()) > 0) {
                throw new UsageException("topic " + topics.raw() + " already holds records: prefix " + topics.prefix()
                        + " was used by an earlier replay; pick another prefix");
            }
            KafkaCluster cluster = KafkaCluster.clientOf(pipeline.app());
            pipeline.provisionTopics(cluster);
            long copyStart = System.nanoTime();
            long copied = TopicCopier.copy(cluster.clientProperties(), options.sources(), topics.raw(), options.slice(),
                    read -> progressLine.show("copying " + String.join(" + ", options.sources()) + ": " + read + " records read"));
            progressLine.finish(String.format("copied %d articles of %s to %s in %.1f s", copied, String.join(" + ", options.sources()),
                    topics.raw(), (System.nanoTime() - copyStart) / 1e9));
            String enrichId = pipeline.stage(EnrichStage.class).orElseThrow().settings().applicationId();
            String alertsId = pipeline.stage(DetectStage.class).orElseThrow().settings().applicationId();
            LOG.info("Replaying {} articles as {} (enrich {}, alerts {}{})", copied, topics.raw(), enrichId, alertsId,
                    options.webhooks() ? ", webhooks ON" : ", no webhooks");
            supervisor.manage(monitor.watchBroker(cluster.clientProperties()));
            // The copy is complete: each raw partition is idle once read to its end, with no wall-clock wait.
            pipeline.start(cluster, supervisor, monitor, progress.ends(topics.raw()));

            Watcher watcher = new Watcher(progress, pipeline, topics, enrichId, alertsId, copied);
            Backlog left = watcher.backlog();
            long giveUpAt = options.timeout() == null ? Long.MAX_VALUE : System.nanoTime() + options.timeout().toNanos();
            while (!supervisor.stopRequested() && !left.done() && System.nanoTime() < giveUpAt) {
                progressLine.show(watcher.line(left));
                Thread.sleep(CHECK_EVERY.toMillis());
                left = watcher.backlog();
            }
            boolean finished = left.done();
            progressLine.finish(watcher.line(left) + (finished ? "  done" : "  NOT FINISHED"));
            return new Result(topics.prefix(), copied, finished, left,
                    (long) pipeline.streamsMetricTotal("duplicates-dropped-total"),
                    pipeline.enrichMerge().late(), pipeline.alertsMerge().late());
        }
    }

    /** Reads the backlog and turns it into a progress line (rate, event-time position, ETA). */
    private static final class Watcher {
        private final GroupProgress progress;
        private final Pipeline pipeline;
        private final Topics topics;
        private final String enrichId;
        private final String alertsId;
        private final long total;
        private final long startNanos = System.nanoTime();

        Watcher(GroupProgress progress, Pipeline pipeline, Topics topics, String enrichId, String alertsId, long total) {
            this.progress = progress;
            this.pipeline = pipeline;
            this.topics = topics;
            this.enrichId = enrichId;
            this.alertsId = alertsId;
            this.total = total;
        }

        Backlog backlog() {
            // Flags first, lags second: a merge that reports drained and then gets more is caught by its lag.
            boolean drained = pipeline.mergesDrained();
            return new Backlog(
                    progress.lag(enrichId, topics.raw()),
                    progress.lag(enrichId, enrichId + "-" + EnrichTopology.MERGE + "-repartition"),
                    progress.lag(alertsId, topics.enriched()),
                    progress.lag(alertsId, alertsId + "-" + AlertsTopology.HITS_REPARTITION + "-repartition"),
                    drained);
        }

        String line(Backlog left) {
            long done = Math.max(0, total - left.raw());
            double seconds = Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
            double rate = done / seconds;
            long detectTime = pipeline.alertsMerge().eventTimeMs();
            String position = detectTime == Long.MIN_VALUE ? "-" : Instant.ofEpochMilli(detectTime).toString().substring(0, 16);
            String eta = rate > 0 && left.raw() > 0 ? ProgressLine.shortDuration(Duration.ofSeconds((long) (left.raw() / rate))) : "-";
            return String.format("replay %s %d/%d read, %.0f articles/s, detection at %s, ETA %s (waiting: dedup %d, matching %d,"
                    + " detection %d)", ProgressLine.bar(total == 0 ? 1 : (double) done / total, 24), done, total, rate, position, eta,
                    left.enrichMerge(), left.enriched(), left.detectMerge());
        }
    }
}
