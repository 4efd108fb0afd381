package io.newswatch.app.options;

import io.newswatch.app.cli.Workspace;
import io.newswatch.app.logging.LogFormat;
import io.newswatch.core.KafkaSettings;
import io.newswatch.core.Settings;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The options every command that touches settings or Kafka shares, mixed into each of them
 * ({@code @Mixin}). They form the top layer of {@link Settings}: a flag beats a {@code NEWSWATCH_*}
 * environment variable, which beats the settings file.
 */
public final class CommonOptions {

    @Option(names = "--config", paramLabel = "FILE",
            description = "Settings file (YAML). Default: config/newswatch.yaml when it exists, else built-in defaults.")
    Path config;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]",
            description = "Kafka cluster to use (setting kafka.bootstrap-servers). When none is configured, "
                    + "run and the stage commands start the embedded broker, and client commands connect to it on 127.0.0.1:9092.")
    String bootstrapServers;

    @Option(names = "--topic-prefix", paramLabel = "PREFIX",
            description = "Prefix for every topic name (setting kafka.topic-prefix), e.g. backtest.")
    String topicPrefix;

    @Option(names = "--set", paramLabel = "KEY=VALUE", mapFallbackValue = "",
            description = "Any setting, e.g. --set ingest.min-interval=2m (repeatable).")
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = {"-X", "--kafka-property"}, paramLabel = "NAME=VALUE",
            description = "Any Kafka client property, e.g. -X compression.type=lz4 (repeatable; setting kafka.properties.NAME).")
    Map<String, String> kafkaProperties = new LinkedHashMap<>();

    /** Loads the settings: these flags over the process environment over the settings file. */
    public Settings load() {
        return load(Map.of());
    }

    /** As {@link #load()}, with the command's own flags ({@code --data-dir} and such) as more overrides. */
    public Settings load(Map<String, String> commandOverrides) {
        return load(System.getenv(), commandOverrides);
    }

    Settings load(Map<String, String> environment, Map<String, String> commandOverrides) {
        Path file = config != null ? Workspace.userPath(config) : Workspace.defaultConfig().orElse(null);
        Map<String, String> all = new LinkedHashMap<>(overrides());
        all.putAll(commandOverrides);
        Settings settings = Settings.load(file, environment, all);
        // A typo in a key must stop the command, not leave the setting silently at its default.
        KnownSettings.CATALOG.requireKnown(settings);
        // Every command logs in the format the settings ask for, from its first line on.
        LogFormat.apply(settings);
        return settings;
    }

    /** The command-line layer as dotted setting keys. */
    public Map<String, String> overrides() {
        Map<String, String> out = new LinkedHashMap<>(settings);
        kafkaProperties.forEach((name, value) -> out.put(KafkaSettings.CLIENT_PROPERTIES.prefix() + name, value));
        if (bootstrapServers != null) {
            out.put(KafkaSettings.BOOTSTRAP_SERVERS.key(), bootstrapServers);
        }
        if (topicPrefix != null) {
            out.put(KafkaSettings.TOPIC_PREFIX.key(), topicPrefix);
        }
        return out;
    }
}
