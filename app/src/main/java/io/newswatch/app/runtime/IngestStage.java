package io.newswatch.app.runtime;

import io.newswatch.app.monitor.FeedMeters;
import io.newswatch.app.monitor.Monitor;
import io.newswatch.core.Settings;
import io.newswatch.ingest.service.IngestService;
import io.newswatch.ingest.IngestSettings;
import io.newswatch.ingest.group.FeedBootstrap;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest stage: the configured feed lists seeded into the feeds topic, which every ingest instance shares, then an
 * {@link IngestService} polling this instance's share of the feeds; every {@code app.status-interval} a line on the
 * feeds' health ({@link IngestStatus}). A service that stops polling on an error stops the command.
 */
public final class IngestStage implements PipelineStage {

    public static final String LABEL = "ingest";
    private static final Logger LOG = LoggerFactory.getLogger(IngestStage.class);

    private final IngestSettings settings;
    private final Duration statusInterval;

    private IngestStage(IngestSettings settings, Duration statusInterval) {
        this.settings = settings;
        this.statusInterval = statusInterval;
    }

    public static IngestStage plan(Settings settings) {
        return new IngestStage(IngestSettings.from(settings), settings.get(AppSettings.STATUS_INTERVAL));
    }

    @Override
    public String label() {
        return LABEL;
    }

    @Override
    public RunningStage start(StageContext context) {
        FeedBootstrap.seed(settings, context.cluster().clientProperties(), context.topics());
        IngestService service = new IngestService(settings, context.cluster().clientProperties(), context.topics());
        service.start(context.failures());
        ScheduledExecutorService statusLog;
        try {
            Monitor monitor = context.monitor();
            service.kafkaProducer().ifPresent(monitor::bindProducer);
            monitor.bind(new FeedMeters(() -> service.stats().values(), context.topics().raw(), monitor.perFeedMetrics()));
            statusLog = statusInterval.isZero() ? null : statusLog(service);
        } catch (RuntimeException e) {
            service.close(); // not yet handed to the supervisor: nothing else would stop its threads
            throw e;
        }
        return RunningStage.of(LABEL, service::running, () -> {
            if (statusLog != null) {
                statusLog.shutdownNow();
            }
            service.close();
        });
    }

    /** Logs {@link IngestStatus} every {@code app.status-interval} on a daemon thread. */
    private ScheduledExecutorService statusLog(IngestService service) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "newswatch-status");
            t.setDaemon(true);
            return t;
        });
        long every = statusInterval.toMillis();
        timer.scheduleAtFixedRate(() -> {
            try {
                LOG.info(IngestStatus.summarize(service.stats().values()));
            } catch (RuntimeException e) {
                LOG.warn("ingest status unavailable: {}", e.toString());
            }
        }, every, every, TimeUnit.MILLISECONDS);
        return timer;
    }
}
