package io.newswatch.app;

import io.newswatch.app.cli.ExitCodes;
import io.newswatch.app.command.AlertsCommand;
import io.newswatch.app.command.BacktestCommand;
import io.newswatch.app.command.BrokerCommand;
import io.newswatch.app.command.ReplayCommand;
import io.newswatch.app.command.ResetCommand;
import io.newswatch.app.command.WatchCommand;
import io.newswatch.app.command.EnrichCommand;
import io.newswatch.app.command.FeedsCommand;
import io.newswatch.app.command.ImportCommand;
import io.newswatch.app.command.IngestCommand;
import io.newswatch.app.command.RunCommand;
import io.newswatch.app.command.ParseCommand;
import io.newswatch.app.command.TagCommand;
import io.newswatch.app.command.TailCommand;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code newswatch} command: one subcommand per job. {@code run} is the whole pipeline; the others
 * run one stage, look at the topics, or edit watches. Exit codes are {@link ExitCodes}.
 */
@Command(name = "newswatch", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Real-time news monitoring on Apache Kafka: feeds -> articles -> tags and entities -> spike alerts.",
            "Settings: config/newswatch.yaml, overridden by NEWSWATCH_* environment variables, overridden by flags (--set KEY=VALUE)."},
        subcommands = {
            RunCommand.class,
            IngestCommand.class,
            EnrichCommand.class,
            AlertsCommand.class,
            BrokerCommand.class,
            ParseCommand.class,
            TailCommand.class,
            TagCommand.class,
            WatchCommand.class,
            FeedsCommand.class,
            ResetCommand.class,
            ReplayCommand.class,
            ImportCommand.class,
            BacktestCommand.class,
            CommandLine.HelpCommand.class
        },
        footer = {"", "Exit codes: 0 ok, 1 failure while running, 2 bad command line or settings, 3 no JDK 21+ (launcher).",
            "See docs/CLI.md."})
public final class NewswatchCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: say which one (newswatch run to start everything)");
    }

    /** The command line with this project's output encoding and failure handling; tests use it as the launcher does. */
    public static CommandLine commandLine() {
        CommandLine cmd = new CommandLine(new NewswatchCommand());
        cmd.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        cmd.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        cmd.setExecutionExceptionHandler(new FailureReporter());
        cmd.setParameterExceptionHandler(NewswatchCommand::reportUsageError);
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        return cmd;
    }

    /** A wrong command line: the error and where to read more, not the whole usage text (that is what --help is for). */
    private static int reportUsageError(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println(cmd.getCommandSpec().qualifiedName() + ": " + ex.getMessage());
        if (!CommandLine.UnmatchedArgumentException.printSuggestions(ex, err)) {
            err.println("See '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
        }
        return ExitCodes.USAGE;
    }

    public static int execute(String... args) {
        return commandLine().execute(args);
    }
}
