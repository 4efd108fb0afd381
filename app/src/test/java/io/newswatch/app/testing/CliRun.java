package io.newswatch.app.testing;

import io.newswatch.app.NewswatchCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import picocli.CommandLine;

/**
 * One {@code newswatch} command run in-process, as a user runs it (picocli, the real command tree), with what it printed.
 *
 * @param code its exit code ({@code io.newswatch.app.cli.ExitCodes})
 * @param out  what it wrote to standard output
 * @param err  what it wrote to standard error
 */
public record CliRun(int code, String out, String err) {

    public static CliRun of(List<String> args) {
        CommandLine cmd = NewswatchCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args.toArray(String[]::new));
        return new CliRun(code, out.toString(), err.toString());
    }
}
