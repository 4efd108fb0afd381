package io.newswatch.app.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.app.NewswatchCommand;
import io.newswatch.app.cli.ExitCodes;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Bad settings, watches or rules stop {@code newswatch run} before it starts anything. */
@DisplayName("newswatch run checks everything before it starts the broker")
class RunValidationTest {

    private record Result(int exitCode, String err) {
    }

    private static Result run(Path dataDir, String... settings) {
        CommandLine cmd = NewswatchCommand.commandLine();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(new StringWriter(), true));
        cmd.setErr(new PrintWriter(err, true));
        String[] args = new String[4 + settings.length * 2];
        args[0] = "run";
        args[1] = "--data-dir";
        args[2] = dataDir.toString();
        args[3] = "--broker-port=0";
        for (int i = 0; i < settings.length; i++) {
            args[4 + 2 * i] = "--set";
            args[5 + 2 * i] = settings[i];
        }
        return new Result(cmd.execute(args), err.toString());
    }

    @Test
    @DisplayName("an invalid watch in the watches file: exit 2 naming the watch and field, no broker started")
    void invalidWatch(@TempDir Path dir) throws Exception {
        Path watches = dir.resolve("watches.yaml");
        Files.writeString(watches, """
                watches:
                  - id: vague
                    description: counts nothing
                """);
        Result r = run(dir.resolve("data"), "alerts.watches-file=" + watches, "enrich.taxonomy=../config/taxonomy.yaml",
                "enrich.gazetteer=../config/gazetteer");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).startsWith("newswatch run: ").contains("vague", "query/tag/entity").doesNotContain("\tat ");
        assertThat(dir.resolve("data").resolve("kafka")).doesNotExist();
    }

    @Test
    @DisplayName("a taxonomy rule that does not parse: exit 2 naming the tag, no broker started")
    void badTaxonomy(@TempDir Path dir) throws Exception {
        Path taxonomy = dir.resolve("taxonomy.yaml");
        Files.writeString(taxonomy, """
                version: test-1
                tags:
                  - id: broken
                    label: Broken
                    description: a rule with an unclosed group
                    rule: '(tomahawk AND'
                """);
        Result r = run(dir.resolve("data"), "enrich.taxonomy=" + taxonomy, "enrich.gazetteer=../config/gazetteer");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).startsWith("newswatch run: ").contains("broken").doesNotContain("\tat ");
        assertThat(dir.resolve("data").resolve("kafka")).doesNotExist();
    }

    @Test
    @DisplayName("a malformed setting: exit 2 naming the key, no broker started")
    void badSetting(@TempDir Path dir) {
        Result r = run(dir.resolve("data"), "ingest.min-interval=soon");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("ingest.min-interval", "soon");
        assertThat(dir.resolve("data").resolve("kafka")).doesNotExist();
    }
}
