package io.newswatch.app.runtime;

import io.newswatch.core.KafkaSettings;
import io.newswatch.core.Settings;
import io.newswatch.core.SettingsException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The app's own settings: where local files go and where the embedded broker listens. The Kafka
 * connection itself ({@code kafka.*}) is core's {@link KafkaSettings}; documented in
 * docs/CONFIGURATION-app.md.
 *
 * @param dataDir    local files: the embedded broker's log ({@code <dataDir>/kafka}) and Kafka Streams
 *                   state ({@code <dataDir>/streams}); kept across restarts
 * @param brokerHost interface the embedded broker listens on
 * @param brokerPort port of the embedded broker's client listener
 * @param kafka      the Kafka connection and topic names
 * @param statusInterval how often {@code run} logs a one-line summary of the feeds' health (zero: never)
 */
public record AppSettings(Path dataDir, String brokerHost, int brokerPort, KafkaSettings kafka, Duration statusInterval) {

    public static final String DATA_DIR = "app.data-dir";
    public static final String BROKER_HOST = "broker.host";
    public static final String BROKER_PORT = "broker.port";
    public static final String STATUS_INTERVAL = "app.status-interval";

    public static final String DEFAULT_BROKER_HOST = "127.0.0.1";
    public static final int DEFAULT_BROKER_PORT = 9092;

    public static AppSettings from(Settings settings) {
        int port = settings.integer(BROKER_PORT, DEFAULT_BROKER_PORT);
        if (port < 0 || port > 65_535) {
            throw new SettingsException("config key " + BROKER_PORT + ": expected a port between 0 and 65535, got " + port);
        }
        KafkaSettings kafka;
        try {
            kafka = KafkaSettings.from(settings);
        } catch (IllegalArgumentException e) {
            // Topics refuses a prefix with characters Kafka does not allow in topic names.
            throw new SettingsException("config key " + KafkaSettings.TOPIC_PREFIX + ": " + e.getMessage(), e);
        }
        Duration statusInterval = settings.duration(STATUS_INTERVAL, Duration.ofMinutes(5));
        if (statusInterval.isNegative()) {
            throw new SettingsException("config key " + STATUS_INTERVAL + ": expected a duration of 0 (off) or more, got " + statusInterval);
        }
        return new AppSettings(settings.path(DATA_DIR, Path.of("data")), settings.string(BROKER_HOST, DEFAULT_BROKER_HOST),
                port, kafka, statusInterval);
    }

    /** Where Kafka Streams keeps its local state stores. */
    public Path streamsStateDir() {
        return dataDir.resolve("streams").toAbsolutePath();
    }

    /**
     * The address client commands (tail, watch, reset) use when no cluster is configured: the embedded
     * broker of a {@code newswatch run} on this machine.
     */
    public String clientBootstrapServers() {
        return kafka.bootstrapServers().orElse(connectHost() + ":" + brokerPort);
    }

    private String connectHost() {
        return brokerHost.equals("0.0.0.0") || brokerHost.equals("::") ? "127.0.0.1" : brokerHost;
    }
}
