package io.newswatch.app.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswatch.core.Settings;
import io.newswatch.core.SettingsException;
import io.newswatch.ingest.IngestSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@DisplayName("the options every command shares: where settings come from, and which keys exist")
class CommonOptionsTest {

    @Test
    @DisplayName("a flag beats the environment, which beats the settings file")
    void layering(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("newswatch.yaml");
        Files.writeString(file, """
                ingest:
                  min-interval: 5m
                  max-interval: 1h
                  user-agent: from-file
                """);
        CommonOptions options = new CommonOptions();
        new CommandLine(options).parseArgs("--config", file.toString(), "--set", "ingest.min-interval=1m");
        Settings settings = options.load(Map.of("NEWSWATCH_INGEST_MIN_INTERVAL", "3m", "NEWSWATCH_INGEST_MAX_INTERVAL", "2h"),
                Map.of());
        assertThat(settings.get(IngestSettings.MIN_INTERVAL)).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.get(IngestSettings.MAX_INTERVAL)).isEqualTo(Duration.ofHours(2));
        assertThat(settings.get(IngestSettings.USER_AGENT)).isEqualTo("from-file");
    }

    @Test
    @DisplayName("a key nobody declares stops the command at start, naming it, where it came from and the nearest known keys")
    void unknownKeysRefused(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("newswatch.yaml");
        Files.writeString(file, "enrich:\n  grase: 10m\n");
        CommonOptions fromFile = new CommonOptions();
        new CommandLine(fromFile).parseArgs("--config", file.toString());
        assertThatThrownBy(() -> fromFile.load(Map.of(), Map.of()))
                .isInstanceOf(SettingsException.class)
                .hasMessageStartingWith("config key enrich.grase: unknown setting (from file " + file + "); nearest known keys: "
                        + "enrich.grace");

        CommonOptions fromFlag = new CommonOptions();
        new CommandLine(fromFlag).parseArgs("--set", "alerts.webhook.max-attempt=3");
        assertThatThrownBy(() -> fromFlag.load(Map.of(), Map.of()))
                .hasMessageStartingWith("config key alerts.webhook.max-attempt: unknown setting (from command line); nearest known keys: "
                        + "alerts.webhook.max-attempts");

        CommonOptions fromEnv = new CommonOptions();
        new CommandLine(fromEnv).parseArgs();
        assertThatThrownBy(() -> fromEnv.load(Map.of("NEWSWATCH_INGEST_MIN_INTERVALL", "1m"), Map.of()))
                .hasMessageStartingWith("environment variable NEWSWATCH_INGEST_MIN_INTERVALL: unknown setting; nearest known variables: "
                        + "NEWSWATCH_INGEST_MIN_INTERVAL");
        // The launcher's own variables and Kafka pass-through properties are not settings typos.
        fromEnv.load(Map.of("NEWSWATCH_JAVA_OPTS", "-Xmx1g", "NEWSWATCH_LOG_LEVEL", "DEBUG"), Map.of("kafka.properties.acks", "all"));
    }
}
