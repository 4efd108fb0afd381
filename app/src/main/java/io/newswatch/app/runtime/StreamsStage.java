package io.newswatch.app.runtime;

import io.newswatch.app.monitor.Monitor;
import io.newswatch.app.monitor.StageMeters;
import io.newswatch.app.monitor.StageStatus;
import io.newswatch.core.failure.FailureListener;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Kafka Streams application of the pipeline (enrich or alerts) with its lifecycle: started, and
 * closed cleanly on the way out. A stream thread that dies of an exception the topology did not handle
 * shuts this client down and reports the failure, so the whole command stops with exit code 1 instead
 * of running on half-dead. Local state is never wiped here: that is {@code newswatch reset}'s job.
 */
public final class StreamsStage implements RunningStage {

    private static final Logger LOG = LoggerFactory.getLogger(StreamsStage.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final String name;
    private final KafkaStreams streams;

    private StreamsStage(String name, KafkaStreams streams) {
        this.name = name;
        this.streams = streams;
    }

    /** Creates and starts the application; {@code onFailure} hears about a stream thread that died. */
    public static StreamsStage start(String name, Topology topology, Properties properties, FailureListener onFailure) {
        KafkaStreams streams = new KafkaStreams(topology, properties);
        String applicationId = properties.getProperty(StreamsConfig.APPLICATION_ID_CONFIG);
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("{} (application id {}) stopped on an unhandled error", name, applicationId, e);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        AtomicBoolean announced = new AtomicBoolean();
        streams.setStateListener((now, before) -> {
            // RUNNING comes back after every rebalance; say it once.
            if (now == KafkaStreams.State.RUNNING && announced.compareAndSet(false, true)) {
                LOG.info("{} is running (application id {})", name, applicationId);
            } else if (now == KafkaStreams.State.ERROR) {
                onFailure.failed(name + " (application id " + applicationId + ") stopped on an error; see the log above");
            }
        });
        try {
            streams.start();
        } catch (RuntimeException e) {
            streams.close(); // its clients were created with it
            throw e;
        }
        return new StreamsStage(name, streams);
    }

    /** Binds Kafka Streams' own metrics and the stage's {@code meters} (made over {@link #kafkaStreams()}'s metrics). */
    public void bindMeters(Monitor monitor, StageMeters meters) {
        monitor.bindStreams(streams);
        monitor.bind(meters);
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /** Running in state RUNNING only: while it rebalances or restores, it does not do its work. */
    @Override
    public StageStatus status() {
        KafkaStreams.State state = streams.state();
        return new StageStatus(state == KafkaStreams.State.RUNNING, state.name());
    }

    /** The Kafka Streams client, for its metrics. */
    public KafkaStreams kafkaStreams() {
        return streams;
    }

    /**
     * Stops cleanly and leaves the consumer group. Kafka Streams stays in the group by default (good for
     * rolling restarts of many instances), but a stopped newswatch would then hold its partitions until
     * the session times out: a restart would wait for that, and {@code newswatch reset} would be refused.
     */
    @Override
    public void close() {
        CloseOptions options = CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(CLOSE_TIMEOUT);
        if (!streams.close(options)) {
            LOG.warn("{} did not stop within {} s", name, CLOSE_TIMEOUT.toSeconds());
        }
    }

    /** Sum of a metric over the client's threads and tasks, e.g. {@code late-records-total}; 0 when there is none. */
    @Override
    public double streamsMetricTotal(String metricName) {
        return streams.metrics().values().stream()
                .filter(m -> m.metricName().name().equals(metricName) && m.metricValue() instanceof Number)
                .mapToDouble(m -> ((Number) m.metricValue()).doubleValue())
                .sum();
    }

    @Override
    public String toString() {
        return name;
    }
}
