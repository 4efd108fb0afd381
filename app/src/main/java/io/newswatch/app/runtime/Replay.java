package io.newswatch.app.runtime;

import io.newswatch.alerts.AlertsSettings;
import io.newswatch.app.UsageException;
import io.newswatch.core.Settings;
import io.newswatch.core.Topics;
import io.newswatch.enrich.EnrichSettings;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A backtest: the enrich and alerts stages run over a copy of stored articles under another topic prefix,
 * beside the live pipeline on the same cluster, so that a new taxonomy or new watches can be judged on
 * real history before they go live. Everything windowed runs on event time (the record timestamps the
 * copy keeps), so the replay gives the alerts live would have given.
 *
 * <p>Steps: the prefixed topics are created (with unlimited retention: Kafka deletes by record
 * timestamp, and replayed articles are old), enrich and alerts start under the prefix (their application
 * ids carry it, so they share nothing with live), the source topic is copied to the prefixed raw topic,
 * and the run ends once enrich and alerts have committed the end of their inputs and no alert has
 * appeared for {@code idle}.
 */
public final class Replay {

    private static final Logger LOG = LoggerFactory.getLogger(Replay.class);
    private static final Duration CHECK_EVERY = Duration.ofMillis(500);

    /** What a replay did. */
    public record Result(String prefix, long copied, boolean interrupted) {
    }

    private Replay() {
    }

    /** The settings of a backtest under {@code prefix}: the same as live, but other topics and unlimited retention. */
    public static Settings backtestSettings(Settings live, String prefix) {
        return live.withAll(Map.of(
                "kafka.topic-prefix", prefix,
                "topics.raw.retention", "forever",
                "topics.enriched.retention", "forever",
                "topics.alerts.retention", "forever",
                "topics.dlq.retention", "forever"));
    }

    /**
     * Runs the backtest; returns when it is done or the supervisor was asked to stop (Ctrl-C).
     *
     * @param backtest settings from {@link #backtestSettings}
     * @param source   the full name of the stored topic of raw articles to replay
     */
    public static Result run(Settings backtest, String source, Duration idle, Supervisor supervisor) throws InterruptedException {
        Pipeline pipeline = Pipeline.plan(backtest, EnumSet.of(Pipeline.Stage.ENRICH, Pipeline.Stage.ALERTS));
        Topics topics = pipeline.app().kafka().topics();
        if (topics.prefix().isEmpty()) {
            throw new UsageException("a replay needs its own topic prefix (--prefix backtest.), or it would write into the live topics");
        }
        if (source.equals(topics.raw())) {
            throw new UsageException("the replay would read and write " + source + "; replay from the live topic under another prefix");
        }
        KafkaCluster cluster = KafkaCluster.clientOf(pipeline.app());
        String enrichId = EnrichSettings.from(backtest).applicationId();
        String alertsId = AlertsSettings.from(backtest).applicationId();
        try (GroupProgress progress = new GroupProgress(cluster.clientProperties())) {
            if (!progress.exists(source)) {
                throw new UsageException("topic " + source + " does not exist");
            }
            if (progress.exists(topics.raw()) && progress.size(topics.raw()) > 0) {
                throw new UsageException("topic " + topics.raw() + " already holds records: prefix " + topics.prefix()
                        + " was used by an earlier replay; pick another prefix");
            }
            pipeline.start(cluster, supervisor);
            long copied = TopicCopier.copy(cluster.clientProperties(), source, topics.raw());
            LOG.info("Replaying {} records of {} as {} (enrich {}, alerts {})", copied, source, topics.raw(), enrichId, alertsId);

            long alerts = -1;
            long quietSince = System.nanoTime();
            while (!supervisor.stopRequested()) {
                boolean caughtUp = progress.caughtUp(enrichId, topics.raw()) && progress.caughtUp(alertsId, topics.enriched());
                long now = progress.size(topics.alerts());
                if (now != alerts) {
                    alerts = now;
                    quietSince = System.nanoTime();
                }
                if (caughtUp && System.nanoTime() - quietSince >= idle.toNanos()) {
                    break;
                }
                Thread.sleep(CHECK_EVERY.toMillis());
            }
            return new Result(topics.prefix(), copied, supervisor.stopRequested());
        }
    }
}
