package io.newswatch.app;

import io.newswatch.app.cli.ExitCodes;
import io.newswatch.app.cli.UsageException;
import io.newswatch.alerts.watch.InvalidWatchException;
import io.newswatch.core.SettingsException;
import io.newswatch.enrich.entities.GazetteerFormatException;
import io.newswatch.enrich.taxonomy.TaxonomyException;
import io.newswatch.rules.RuleSyntaxException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception escaping a command into one line on stderr and an exit code. A problem the user can
 * fix by changing the command line, the settings, a watch or a rule gives {@link ExitCodes#USAGE} and no
 * stack trace; anything else gives {@link ExitCodes#FAILURE}, with the stack trace at DEBUG
 * ({@code NEWSWATCH_LOG_LEVEL=DEBUG}).
 */
final class FailureReporter implements IExecutionExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(FailureReporter.class);

    /** Exceptions that mean "what you asked for is wrong", wherever in the cause chain they sit. */
    private static final List<Class<? extends Throwable>> USAGE_PROBLEMS = List.of(
            UsageException.class,
            SettingsException.class,
            RuleSyntaxException.class,
            TaxonomyException.class,
            GazetteerFormatException.class,
            InvalidWatchException.class);

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        String command = commandLine.getCommandSpec().qualifiedName();
        Throwable usage = usageProblem(ex);
        if (usage != null) {
            commandLine.getErr().println(command + ": " + usage.getMessage());
            return ExitCodes.USAGE;
        }
        commandLine.getErr().println(command + " failed: " + describe(ex));
        LOG.debug("{} failed", command, ex);
        return ExitCodes.FAILURE;
    }

    static Throwable usageProblem(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (Class<? extends Throwable> type : USAGE_PROBLEMS) {
                if (type.isInstance(t)) {
                    return t;
                }
            }
        }
        return null;
    }

    /** The most telling message of a cause chain: its own, plus the root cause's when that says more. */
    static String describe(Throwable ex) {
        Throwable root = ex;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        if (root != ex && root.getMessage() != null && !message.contains(root.getMessage())) {
            message += " (" + root.getMessage() + ")";
        }
        return message;
    }
}
