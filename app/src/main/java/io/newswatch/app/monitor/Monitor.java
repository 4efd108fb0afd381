package io.newswatch.app.monitor;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Metrics and health of one newswatch process: a Micrometer registry in Prometheus format with the JVM's meters,
 * what each stage registers as it starts (its Kafka clients' and Streams' own metrics through Micrometer's binders,
 * and our counters), and the readiness verdict over the stages this process runs and the broker. Served by a
 * {@link MonitorServer} unless the settings turn it off, in which case nothing is bound or served at all.
 *
 * <p>Started before anything else (so {@code /health} answers and {@code /ready} says "not started" while the
 * broker starts or state is restored) and closed last.
 */
public final class Monitor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Monitor.class);

    private final PrometheusMeterRegistry registry;
    private final List<String> expected;
    private final Map<String, Supplier<StageStatus>> stages = new LinkedHashMap<>();
    /** Strong references to every binder: Micrometer holds the sources of function meters weakly. */
    private final List<MeterBinder> binders = new ArrayList<>();
    private final Deque<AutoCloseable> closeables = new ArrayDeque<>();
    private final MonitorServer server;
    private final boolean perFeedMetrics;
    private volatile BrokerProbe broker;

    private Monitor(PrometheusMeterRegistry registry, List<String> expected, MonitorSettings settings) {
        this.registry = registry;
        this.expected = List.copyOf(expected);
        this.perFeedMetrics = settings.perFeedMetrics();
        if (registry == null) {
            this.server = null;
            return;
        }
        Gauge.builder(MeterNames.READY, this, m -> m.readiness().ready() ? 1 : 0)
                .description("1 when /ready answers 200: the broker answers and every stage of this process runs").register(registry);
        Gauge.builder(MeterNames.BROKER_REACHABLE, this, m -> m.brokerStatus().reachable() ? 1 : 0)
                .description("1 when the last check of the Kafka cluster got an answer").register(registry);
        for (String stage : this.expected) {
            Gauge.builder(MeterNames.STAGE_RUNNING, this, m -> m.stageStatus(stage).running() ? 1 : 0)
                    .description("1 while the stage runs (a Kafka Streams stage: in state RUNNING)")
                    .tag(MeterNames.STAGE, stage).register(registry);
        }
        for (MeterBinder jvm : List.of(new JvmMemoryMetrics(), new JvmGcMetrics(), new JvmThreadMetrics(), new ClassLoaderMetrics(),
                new ProcessorMetrics(), new UptimeMetrics(), new FileDescriptorMetrics())) {
            bind(jvm);
        }
        try {
            this.server = MonitorServer.start(settings.host(), settings.port(), new MonitorServer.Content() {
                @Override
                public String metrics() {
                    return scrape();
                }

                @Override
                public Readiness.Report readiness() {
                    return Monitor.this.readiness();
                }
            });
        } catch (RuntimeException e) {
            closeBinders();
            throw e;
        }
    }

    /**
     * Starts serving as {@code settings} say, for a process that runs {@code stages} (in the order /ready lists them);
     * with the port off, returns a monitor that serves and binds nothing.
     */
    public static Monitor start(MonitorSettings settings, List<String> stages) {
        if (!settings.enabled()) {
            return new Monitor(null, stages, settings);
        }
        return new Monitor(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), stages, settings);
    }

    /** A monitor that serves and binds nothing (tests, benchmarks, a replay without --http-port). */
    public static Monitor off() {
        return new Monitor(null, List.of(), MonitorSettings.off());
    }

    public boolean enabled() {
        return registry != null;
    }

    /** The port /metrics is served on, or -1 when off. */
    public int port() {
        return server == null ? MonitorSettings.OFF : server.port();
    }

    /** Whether ingest's meters go per feed ({@link MonitorSettings#perFeedMetrics()}). */
    public boolean perFeedMetrics() {
        return perFeedMetrics;
    }

    /** Registers the meters of {@code binder}; closed with the monitor when it is {@link AutoCloseable}. */
    public synchronized void bind(MeterBinder binder) {
        if (registry == null) {
            return;
        }
        binder.bindTo(registry);
        binders.add(binder);
        if (binder instanceof AutoCloseable closeable) {
            closeables.push(closeable);
        }
    }

    /** Binds a Kafka Streams client's own metrics (threads, tasks, topics, state stores, its embedded clients). */
    public void bindStreams(KafkaStreams streams) {
        if (registry != null) {
            bind(new KafkaStreamsMetrics(streams));
        }
    }

    /** Binds a producer's own metrics. */
    public void bindProducer(Producer<?, ?> producer) {
        if (registry != null) {
            bind(new KafkaClientMetrics(producer));
        }
    }

    /** Binds a consumer's own metrics (lag included). */
    public void bindConsumer(Consumer<?, ?> consumer) {
        if (registry != null) {
            bind(new KafkaClientMetrics(consumer));
        }
    }

    /** Says how to tell whether {@code stage} runs; an expected stage without a probe counts as not started. */
    public synchronized void stage(String stage, Supplier<StageStatus> probe) {
        if (registry == null) {
            return;
        }
        if (!expected.contains(stage)) {
            LOG.warn("stage {} registered with the monitor but not expected; /ready ignores it", stage);
        }
        stages.put(stage, probe);
    }

    /**
     * Starts checking the Kafka cluster that {@code clientProperties} reach; the returned handle stops the checks (close
     * it before the cluster, when the process runs an embedded broker).
     */
    public AutoCloseable watchBroker(Properties clientProperties) {
        if (registry == null) {
            return () -> { };
        }
        BrokerProbe probe = BrokerProbe.start(clientProperties);
        broker = probe;
        return () -> {
            broker = null;
            probe.close();
        };
    }

    public Readiness.Report readiness() {
        Map<String, StageStatus> now = new LinkedHashMap<>();
        for (String stage : expected) {
            now.put(stage, stageStatus(stage));
        }
        return Readiness.judge(expected, now, brokerStatus());
    }

    private BrokerStatus brokerStatus() {
        BrokerProbe probe = broker;
        return probe == null ? BrokerStatus.NOT_CHECKED : probe.status();
    }

    private synchronized StageStatus stageStatus(String stage) {
        Supplier<StageStatus> probe = stages.get(stage);
        if (probe == null) {
            return StageStatus.NOT_STARTED;
        }
        try {
            return probe.get();
        } catch (RuntimeException e) {
            return new StageStatus(false, "UNKNOWN (" + e + ")");
        }
    }

    /** The Prometheus text of every meter, after the binders whose meters come and go have caught up. */
    public String scrape() {
        if (registry == null) {
            return "";
        }
        List<MeterBinder> now;
        synchronized (this) {
            now = List.copyOf(binders);
        }
        for (MeterBinder binder : now) {
            if (binder instanceof ScrapeAware aware) {
                aware.beforeScrape();
            }
        }
        return registry.scrape();
    }

    public MeterRegistry registry() {
        return registry;
    }

    private synchronized void closeBinders() {
        while (!closeables.isEmpty()) {
            try {
                closeables.pop().close();
            } catch (Exception e) {
                LOG.debug("closing a meter binder failed: {}", e.toString());
            }
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
        closeBinders();
        if (registry != null) {
            registry.close();
        }
    }
}
