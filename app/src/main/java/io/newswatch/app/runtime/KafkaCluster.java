package io.newswatch.app.runtime;

import io.newswatch.app.cli.Workspace;
import io.newswatch.broker.EmbeddedKafkaBroker;
import io.newswatch.core.TopicLayout;
import io.newswatch.core.TopicProvisioner;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka cluster a long-running command works against: the configured one, or, when
 * {@code kafka.bootstrap-servers} is empty, an embedded single-node broker started here with its data
 * under {@code app.data-dir} (kept across restarts). Closing it stops the embedded broker, if any.
 */
public final class KafkaCluster implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaCluster.class);

    private final AppSettings settings;
    private final String bootstrapServers;
    private final EmbeddedKafkaBroker broker;
    private final DataDirLock dataDirLock;

    private KafkaCluster(AppSettings settings, String bootstrapServers, EmbeddedKafkaBroker broker, DataDirLock dataDirLock) {
        this.settings = settings;
        this.bootstrapServers = bootstrapServers;
        this.broker = broker;
        this.dataDirLock = dataDirLock;
    }

    /** Uses the configured cluster, or starts the embedded broker when none is configured. */
    public static KafkaCluster connectOrStartEmbedded(AppSettings settings) {
        Optional<String> configured = settings.kafka().bootstrapServers();
        if (configured.isPresent()) {
            LOG.info("Using the Kafka cluster at {}", configured.get());
            return new KafkaCluster(settings, configured.get(), null, null);
        }
        DataDirLock lock = DataDirLock.acquire(settings.dataDir());
        EmbeddedKafkaBroker broker;
        try {
            broker = EmbeddedKafkaBroker.start(settings.dataDir(), settings.brokerHost(), settings.brokerPort());
        } catch (IllegalStateException e) {
            lock.close();
            throw new IllegalStateException(e.getMessage() + ". If another newswatch already runs the broker, connect to it with "
                    + "--bootstrap-servers " + settings.clientBootstrapServers() + ", or pick another port with --broker-port", e);
        }
        return new KafkaCluster(settings, broker.bootstrapServers(), broker, lock);
    }

    /** For commands that only read or write records: the configured cluster, else a local embedded broker already running. */
    public static KafkaCluster clientOf(AppSettings settings) {
        return new KafkaCluster(settings, settings.clientBootstrapServers(), null, null);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public boolean embedded() {
        return broker != null;
    }

    /** Base properties of every client: the pass-through {@code kafka.properties.*} plus the bootstrap address. */
    public Properties clientProperties() {
        return settings.kafka().clientProperties(bootstrapServers);
    }

    /** Creates the pipeline's missing topics (partitions and retention from {@code topics.*}); existing ones are left alone. */
    public TopicProvisioner.Report provisionTopics(TopicLayout layout) {
        TopicProvisioner.Report report = TopicProvisioner.provision(clientProperties(), layout);
        if (!report.created().isEmpty()) {
            LOG.info("Created topics {}", report.created());
        }
        return report;
    }

    /** How many partitions {@code topic} has (it must exist): the merges of enrich and alerts wait for every one. */
    public int partitions(String topic) {
        try (Admin admin = Admin.create(clientProperties())) {
            return admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic).partitions().size();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not describe topic " + topic + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while describing topic " + topic, e);
        }
    }

    /** One line saying where Kafka is and how to look at it, for the log of long-running commands. */
    public String describe() {
        String where = embedded()
                ? "embedded Kafka broker on " + bootstrapServers + " (data in " + broker.logDir() + ")"
                : "Kafka cluster at " + bootstrapServers;
        String prefix = settings.kafka().topics().prefix();
        // A tail started without flags connects to 127.0.0.1:9092; say so when that is not where we are.
        String tailHint = bootstrapServers.equals(AppSettings.BROKER_HOST.defaultValue().orElseThrow() + ":"
                + AppSettings.BROKER_PORT.defaultValue().orElseThrow())
                ? "" : " --bootstrap-servers " + bootstrapServers;
        return "Using " + where + "; watch it with: " + Workspace.command() + " tail news.articles.raw -f" + tailHint
                + (prefix.isEmpty() ? "" : " --topic-prefix " + prefix);
    }

    public AppSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        if (broker != null) {
            broker.close();
        }
        if (dataDirLock != null) {
            dataDirLock.close();
        }
    }
}
