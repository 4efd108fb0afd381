package io.newswatch.app.options;

import io.newswatch.app.cli.Workspace;
import io.newswatch.app.runtime.AppSettings;
import io.newswatch.core.StreamsApp;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Flags for the commands that may start the embedded broker (run, broker, and each stage alone). */
public final class EmbeddedBrokerOptions {

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where the embedded broker and Kafka Streams keep their files (setting app.data-dir, default ./data). "
                    + "Kept across restarts.")
    Path dataDir;

    @Option(names = "--broker-port", paramLabel = "PORT",
            description = "Client port of the embedded broker (setting broker.port, default 9092; 0 picks a free port).")
    Integer brokerPort;

    @Option(names = "--broker-host", paramLabel = "HOST",
            description = "Interface the embedded broker listens on (setting broker.host, default 127.0.0.1).")
    String brokerHost;

    /** These flags as setting overrides. */
    public Map<String, String> overrides() {
        Map<String, String> out = new LinkedHashMap<>();
        if (dataDir != null) {
            out.put(StreamsApp.DATA_DIR.key(), Workspace.userPath(dataDir).toString());
        }
        if (brokerPort != null) {
            out.put(AppSettings.BROKER_PORT.key(), brokerPort.toString());
        }
        if (brokerHost != null) {
            out.put(AppSettings.BROKER_HOST.key(), brokerHost);
        }
        return out;
    }
}
