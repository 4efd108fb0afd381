package io.newswatch.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker (KRaft, broker and controller in one node) running in this JVM.
 *
 * <p>{@link #start(Path, String, int)} keeps its data under {@code <dataDir>/kafka} across restarts; the
 * directory is formatted only the first time. {@link #startEphemeral()} is for tests: a temporary
 * directory deleted on {@link #close()}, free ports on 127.0.0.1. Both return only once the broker
 * answers an admin request, so a client can be used right away. Topics are never auto-created: use
 * {@link #createTopic} (or an admin client) first.
 *
 * <p>Thread-safe; {@link #close()} is idempotent and waits for a clean shutdown, which spares the next
 * start a log recovery.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    /** Sub-directory of the data directory that holds Kafka's files, so the app can keep other state beside it. */
    public static final String LOG_DIR_NAME = "kafka";

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);
    private static final String LOOPBACK = "127.0.0.1";

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final String clusterId;
    private final Path logDir;
    private final Path deleteOnClose;
    private final Admin admin;
    private boolean closed;

    private EmbeddedKafkaBroker(KafkaRaftServer server, String bootstrapServers, String clusterId, Path logDir,
                                Path deleteOnClose, Admin admin) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.clusterId = clusterId;
        this.logDir = logDir;
        this.deleteOnClose = deleteOnClose;
        this.admin = admin;
    }

    /**
     * Starts a broker whose data lives in {@code dataDir} (created if needed, formatted only if not yet
     * formatted) with its client listener on {@code host:port}. A {@code port} of 0 picks a free port;
     * a wildcard host (0.0.0.0) listens on every interface and advertises 127.0.0.1.
     *
     * @throws IllegalStateException if the broker cannot start (port taken, unreadable directory, not
     *         ready within 60 s); the message names the address and directory
     */
    public static EmbeddedKafkaBroker start(Path dataDir, String host, int port) {
        return start(dataDir, host, port, null);
    }

    /** A broker for tests: a fresh temporary directory (deleted on close) and free ports on 127.0.0.1. */
    public static EmbeddedKafkaBroker startEphemeral() {
        Path tempDir;
        try {
            tempDir = Files.createTempDirectory("newswatch-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a temporary directory for the embedded Kafka broker", e);
        }
        try {
            return start(tempDir, LOOPBACK, 0, tempDir);
        } catch (RuntimeException e) {
            deleteRecursively(tempDir);
            throw e;
        }
    }

    private static EmbeddedKafkaBroker start(Path dataDir, String host, int port, Path deleteOnClose) {
        long startNanos = System.nanoTime();
        Path logDir = dataDir.resolve(LOG_DIR_NAME).toAbsolutePath();
        String controllerHost = KraftNodeConfig.controllerHost(host);
        int brokerPort = port == 0 ? freePort(host) : port;
        int controllerPort = freePort(controllerHost);
        Properties props = KraftNodeConfig.properties(logDir, host, brokerPort, controllerHost, controllerPort);
        String bootstrap = KraftNodeConfig.advertisedHost(host) + ":" + brokerPort;

        String clusterId;
        KafkaConfig config;
        try {
            config = new KafkaConfig(props, false);
            clusterId = LogDirectory.formatIfNeeded(logDir, config);
        } catch (IOException e) {
            throw new IllegalStateException("embedded Kafka broker: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("embedded Kafka broker: bad configuration for " + host + ":" + brokerPort
                    + " in " + logDir + ": " + e.getMessage(), e);
        }

        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        Admin admin = null;
        try {
            server.startup();
            admin = Admin.create(Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    AdminClientConfig.CLIENT_ID_CONFIG, "newswatch-embedded-broker-admin"));
            awaitReady(admin, bootstrap);
        } catch (RuntimeException e) {
            if (admin != null) {
                admin.close(Duration.ZERO);
            }
            stop(server);
            throw new IllegalStateException("embedded Kafka broker on " + host + ":" + brokerPort + " with data in " + logDir
                    + " did not start: " + e.getMessage(), e);
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
        LOG.info("Embedded Kafka broker ready on {} (cluster id {}, data in {}) after {} ms", bootstrap, clusterId, logDir, millis);
        return new EmbeddedKafkaBroker(server, bootstrap, clusterId, logDir, deleteOnClose, admin);
    }

    /** {@code host:port} for the {@code bootstrap.servers} of any client. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The cluster id stored in the log directory's meta.properties; stable across restarts on the same data. */
    public String clusterId() {
        return clusterId;
    }

    /** Where Kafka keeps this broker's files ({@code <dataDir>/kafka}). */
    public Path logDir() {
        return logDir;
    }

    /**
     * Creates a topic with replication factor 1 and the given topic configs ({@code retention.ms},
     * {@code cleanup.policy}, ...), and returns once every partition has a leader, so the topic can be
     * used at once. A topic that already exists is left as it is, whatever its layout.
     *
     * @throws IllegalStateException if the broker refuses (bad config value, invalid name) or does not answer
     */
    public void createTopic(String name, int partitions, Map<String, String> configs) {
        NewTopic topic = new NewTopic(name, partitions, (short) 1).configs(Map.copyOf(configs));
        try {
            admin.createTopics(List.of(topic)).all().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            LOG.debug("Created topic {} with {} partitions and configs {}", name, partitions, configs);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("could not create topic " + name + " (" + partitions + " partitions, configs "
                        + configs + ") on " + bootstrapServers + ": " + e.getCause().getMessage(), e.getCause());
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("creating topic " + name + " on " + bootstrapServers + " timed out after " + ADMIN_TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topic " + name, e);
        }
        awaitLeaders(name);
    }

    /**
     * The controller acknowledges a new topic before the broker has loaded its partitions; until then
     * describe, produce and fetch answer "unknown topic". Waiting here lets a caller use the topic at once.
     */
    private void awaitLeaders(String name) {
        long deadline = System.nanoTime() + ADMIN_TIMEOUT.toNanos();
        Throwable last = null;
        while (System.nanoTime() < deadline) {
            try {
                TopicDescription description = admin.describeTopics(List.of(name)).allTopicNames()
                        .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(name);
                if (description.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty())) {
                    return;
                }
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw new IllegalStateException("could not describe topic " + name + " on " + bootstrapServers + ": "
                            + e.getCause().getMessage(), e.getCause());
                }
                last = e.getCause();
            } catch (TimeoutException e) {
                last = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for topic " + name, e);
            }
            sleep(20);
        }
        throw new IllegalStateException("topic " + name + " on " + bootstrapServers + " has no leader for every partition after "
                + ADMIN_TIMEOUT, last);
    }

    /** Shuts the broker down cleanly and waits for it; an ephemeral broker's directory is then deleted. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        long startNanos = System.nanoTime();
        admin.close(Duration.ofSeconds(5));
        stop(server);
        if (deleteOnClose != null) {
            deleteRecursively(deleteOnClose);
        }
        LOG.info("Embedded Kafka broker on {} stopped in {} ms", bootstrapServers,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
    }

    private static void stop(KafkaRaftServer server) {
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            LOG.warn("Embedded Kafka broker did not shut down cleanly: {}", e.toString());
        }
    }

    /** Ready means: the broker has registered with its controller, is unfenced and answers clients. */
    private static void awaitReady(Admin admin, String bootstrap) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            try {
                var nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs(2_000)).nodes().get();
                if (!nodes.isEmpty()) {
                    return;
                }
            } catch (ExecutionException e) {
                last = new IllegalStateException(e.getCause().toString(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the broker on " + bootstrap, e);
            }
            sleep(100);
        }
        throw new IllegalStateException("not ready after " + READY_TIMEOUT.toSeconds() + " s"
                + (last == null ? "" : " (last error: " + last.getMessage() + ")"), last);
    }

    private static int freePort(String host) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(KraftNodeConfig.isWildcard(host) ? "0.0.0.0" : host), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port on " + host + ": " + e.getMessage(), e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the embedded Kafka broker", e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    LOG.warn("Could not delete {}: {}", p, e.toString());
                }
            });
        } catch (IOException e) {
            LOG.warn("Could not delete the embedded Kafka broker's directory {}: {}", dir, e.toString());
        }
    }
}
