package io.newswatch.app.cli;

/**
 * What the {@code newswatch} process returns, so scripts can tell a bad invocation from a failure at
 * run time. Documented in docs/CLI.md.
 */
public final class ExitCodes {

    /** Done, or stopped on request (Ctrl-C, SIGTERM). */
    public static final int OK = 0;
    /** Something failed while running: a feed that could not be read, a stage that died, a broker that is not there. */
    public static final int FAILURE = 1;
    /** The command line or the settings are wrong: unknown option, bad setting, invalid watch or rule. Nothing was started. */
    public static final int USAGE = 2;
    /** No JDK 21+ was found (returned by the launcher, bin/newswatch, before Java starts). */
    public static final int NO_JDK = 3;

    private ExitCodes() {
    }
}
