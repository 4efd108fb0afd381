package io.newswatch.core;

import java.nio.file.Path;

/**
 * Who a Kafka Streams stage is to the cluster and where it keeps its local state, derived here and nowhere else: the
 * application id is always the topic prefix plus the stage's id setting (so a backtest never shares live's consumer
 * group, internal topics or state, whatever the id is set to), and the state directory is the stage's own setting if it
 * has one, else {@code <app.data-dir>/streams}.
 */
public record StreamsApp(String applicationId, Path stateDir) {

    public static final SettingsDef DEF = new SettingsDef("local files");
    public static final Setting<Path> DATA_DIR = DEF.define("app.data-dir", SettingType.PATH, Path.of("data"),
            "local files kept across restarts: the embedded broker's log and Kafka Streams state");

    /** A stage whose state lives under the data directory. */
    public static StreamsApp of(Settings settings, Setting<String> applicationId) {
        return new StreamsApp(KafkaSettings.topics(settings).prefix() + settings.get(applicationId), defaultStateDir(settings));
    }

    /** A stage with a state directory setting of its own, {@code <app.data-dir>/streams} when it is not set. */
    public static StreamsApp of(Settings settings, Setting<String> applicationId, Setting<Path> stateDir) {
        StreamsApp app = of(settings, applicationId);
        return new StreamsApp(app.applicationId(), settings.find(stateDir).orElse(app.stateDir()));
    }

    /** Where Kafka Streams keeps local state when a stage does not say otherwise. */
    public static Path defaultStateDir(Settings settings) {
        return settings.get(DATA_DIR).resolve("streams");
    }
}
