package io.newswatch.app.runtime;

import java.io.PrintStream;
import java.time.Duration;

/**
 * One line of progress for a long-running command: rewritten in place on a terminal, printed as a plain line
 * every {@link #PLAIN_EVERY} otherwise (a log file or CI gets a readable history, not a wall of carriage returns).
 */
public final class ProgressLine {

    static final Duration PLAIN_EVERY = Duration.ofSeconds(10);

    private final PrintStream out;
    private final boolean terminal;
    private long lastPlainNanos = System.nanoTime();
    private int lastLength;

    public ProgressLine(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /** For stderr: in place when the JVM has a console. */
    public static ProgressLine onStderr() {
        return new ProgressLine(System.err, System.console() != null);
    }

    public synchronized void show(String line) {
        if (terminal) {
            String padded = line.length() < lastLength ? line + " ".repeat(lastLength - line.length()) : line;
            out.print("\r" + padded);
            out.flush();
            lastLength = line.length();
        } else if (System.nanoTime() - lastPlainNanos >= PLAIN_EVERY.toNanos()) {
            out.println(line);
            lastPlainNanos = System.nanoTime();
        }
    }

    /** Ends the line in place (terminal) or prints the last state (otherwise). */
    public synchronized void finish(String line) {
        if (terminal) {
            show(line);
            out.println();
        } else {
            out.println(line);
        }
    }

    /** A bar of {@code width} characters for {@code fraction} in [0, 1]. */
    public static String bar(double fraction, int width) {
        int full = (int) Math.round(Math.max(0, Math.min(1, fraction)) * width);
        return "[" + "#".repeat(full) + "-".repeat(width - full) + "]";
    }

    /** "1h02m", "4m05s", "12s": short enough for a progress line. */
    public static String shortDuration(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s >= 3600) {
            return String.format("%dh%02dm", s / 3600, (s % 3600) / 60);
        }
        return s >= 60 ? String.format("%dm%02ds", s / 60, s % 60) : s + "s";
    }
}
