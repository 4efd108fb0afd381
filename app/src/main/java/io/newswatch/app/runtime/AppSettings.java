package io.newswatch.app.runtime;

import io.newswatch.core.Check;
import io.newswatch.core.KafkaSettings;
import io.newswatch.core.Setting;
import io.newswatch.core.SettingType;
import io.newswatch.core.Settings;
import io.newswatch.core.SettingsDef;
import io.newswatch.core.StreamsApp;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The app's own settings: where local files go and where the embedded broker listens. The Kafka
 * connection itself ({@code kafka.*}) is core's {@link KafkaSettings}; documented in
 * docs/CONFIGURATION-app.md.
 *
 * @param dataDir    local files ({@code app.data-dir}, declared in core's {@link StreamsApp}): the embedded broker's log
 *                   ({@code <dataDir>/kafka}) and Kafka Streams state ({@code <dataDir>/streams}); kept across restarts
 * @param brokerHost interface the embedded broker listens on
 * @param brokerPort port of the embedded broker's client listener
 * @param kafka      the Kafka connection and topic names
 * @param statusInterval how often {@code run} logs a one-line summary of the feeds' health (zero: never)
 */
public record AppSettings(Path dataDir, String brokerHost, int brokerPort, KafkaSettings kafka, Duration statusInterval) {

    public static final SettingsDef DEF = new SettingsDef("app");
    public static final Setting<String> BROKER_HOST = DEF.define("broker.host", SettingType.STRING, "127.0.0.1",
            "interface of the embedded broker's client listener");
    public static final Setting<Integer> BROKER_PORT = DEF.define("broker.port", SettingType.INT, 9092, Check.between(0, 65_535),
            "port of the embedded broker's client listener; 0 picks a free one");
    public static final Setting<Duration> STATUS_INTERVAL = DEF.define("app.status-interval", SettingType.DURATION, Duration.ofMinutes(5),
            Check.notNegative(), "how often run logs a line on the feeds' health; 0 turns it off");

    public static AppSettings from(Settings settings) {
        return new AppSettings(settings.get(StreamsApp.DATA_DIR), settings.get(BROKER_HOST), settings.get(BROKER_PORT),
                KafkaSettings.from(settings), settings.get(STATUS_INTERVAL));
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
