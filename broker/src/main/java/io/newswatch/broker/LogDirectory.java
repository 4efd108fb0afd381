package io.newswatch.broker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import kafka.server.KafkaConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A KRaft log directory: formatted once (what {@code kafka-storage.sh format} does), then reused, so the
 * cluster id in its {@code meta.properties} and every topic survive restarts.
 */
final class LogDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(LogDirectory.class);
    static final String META_PROPERTIES = "meta.properties";

    private LogDirectory() {
    }

    /**
     * Formats {@code dir} for the node described by {@code config} unless it already holds a
     * meta.properties; returns the cluster id either way.
     */
    static String formatIfNeeded(Path dir, KafkaConfig config) throws IOException {
        Path meta = dir.resolve(META_PROPERTIES);
        if (Files.isRegularFile(meta)) {
            String clusterId = clusterId(meta);
            LOG.info("Kafka log directory {} already formatted (cluster id {})", dir, clusterId);
            return clusterId;
        }
        Files.createDirectories(dir);
        String clusterId = Uuid.randomUuid().toString();
        ByteArrayOutputStream formatterOutput = new ByteArrayOutputStream();
        // A static quorum (controller.quorum.voters) is used, so no --standalone / initial controllers here:
        // Kafka refuses the combination.
        Formatter formatter = new Formatter()
                .setPrintStream(new PrintStream(formatterOutput, true, StandardCharsets.UTF_8))
                .setClusterId(clusterId)
                .setNodeId(config.nodeId())
                .setDirectories(List.of(dir.toAbsolutePath().toString()))
                .setMetadataLogDirectory(config.metadataLogDir())
                .setControllerListenerName(KraftNodeConfig.CONTROLLER_LISTENER);
        try {
            formatter.run();
        } catch (Exception e) {
            throw new IOException("could not format Kafka log directory " + dir + ": " + e.getMessage(), e);
        }
        LOG.info("Formatted Kafka log directory {} with new cluster id {}", dir, clusterId);
        LOG.debug("Kafka storage formatter said: {}", formatterOutput.toString(StandardCharsets.UTF_8).strip());
        return clusterId;
    }

    static String clusterId(Path metaProperties) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(metaProperties)) {
            p.load(in);
        }
        String id = p.getProperty("cluster.id");
        if (id == null || id.isBlank()) {
            throw new IOException(metaProperties + " has no cluster.id: the directory is not a KRaft log directory of this broker");
        }
        return id;
    }
}
