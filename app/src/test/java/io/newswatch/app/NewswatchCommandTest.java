package io.newswatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswatch.app.cli.ExitCodes;
import io.newswatch.app.options.CommonOptions;
import io.newswatch.core.Settings;
import io.newswatch.core.SettingsException;
import io.newswatch.ingest.IngestSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@DisplayName("newswatch command line")
class NewswatchCommandTest {

    /** One run of the command with captured output, as the launcher would run it. */
    private record Result(int exitCode, String out, String err) {
    }

    private static Result execute(String... args) {
        CommandLine cmd = NewswatchCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    @DisplayName("--help lists every command and exits 0")
    void helpListsCommands() {
        Result r = execute("--help");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("run", "ingest", "enrich", "alerts", "broker", "parse", "tail", "tag", "watch", "reset", "replay");
    }

    @Test
    @DisplayName("every command has --help, which exits 0 and describes its options")
    void everyCommandHasHelp() {
        CommandLine root = NewswatchCommand.commandLine();
        for (String name : root.getSubcommands().keySet()) {
            if (name.equals("help")) {
                continue;
            }
            Result r = execute(name, "--help");
            assertThat(r.exitCode()).as(name + " --help").isEqualTo(ExitCodes.OK);
            assertThat(r.out()).as(name + " --help").startsWith("Usage: newswatch " + name);
        }
    }

    @Test
    @DisplayName("no command, an unknown command or an unknown option is a usage error (exit 2)")
    void usageErrors() {
        assertThat(execute().exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(execute("frobnicate").exitCode()).isEqualTo(ExitCodes.USAGE);
        Result r = execute("tail", "news.alerts", "--no-such-option");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--no-such-option");
    }

    @Test
    @DisplayName("a bad setting exits 2 with one line naming the key, its value and where it came from, no stack trace")
    void badSettingIsOneLine() {
        Result r = execute("tail", "news.alerts", "--set", "broker.port=ninety");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err().strip()).isEqualTo(
                "newswatch tail: config key broker.port: expected a whole number, got 'ninety' (from command line)");
    }

    @Test
    @DisplayName("a settings file that does not exist exits 2 naming the file")
    void missingConfigFile(@TempDir Path dir) {
        Path missing = dir.resolve("nope.yaml");
        Result r = execute("tail", "news.alerts", "--config", missing.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains(missing.toString()).doesNotContain("\tat ");
    }

    @Test
    @DisplayName("a topic prefix Kafka cannot use is a settings error naming kafka.topic-prefix")
    void badTopicPrefix() {
        Result r = execute("tail", "news.alerts", "--topic-prefix", "back test/");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("kafka.topic-prefix");
    }

    @Test
    @DisplayName("flags become settings: bootstrap servers, topic prefix, --set and -X Kafka properties")
    void flagsBecomeSettings() {
        CommonOptions options = new CommonOptions();
        new CommandLine(options).parseArgs("--bootstrap-servers", "kafka-1:9092", "--topic-prefix", "backtest.",
                "--set", "ingest.min-interval=2m", "-X", "compression.type=lz4", "--kafka-property", "acks=all");
        assertThat(options.overrides()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "kafka.bootstrap-servers", "kafka-1:9092",
                "kafka.topic-prefix", "backtest.",
                "ingest.min-interval", "2m",
                "kafka.properties.compression.type", "lz4",
                "kafka.properties.acks", "all"));
    }

    @Test
    @DisplayName("--version names the program")
    void version() {
        Result r = execute("--version");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).startsWith("newswatch ");
    }
}
