package io.newswatch.app.importer;

import java.io.PrintWriter;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Shows how far an import has got, on stderr. On a terminal: one line redrawn in place ({@code \r}) a few
 * times a second, with lines read while reading, and a bar, articles/s, the event time reached and an ETA
 * while writing. Elsewhere (a log file, CI): a plain line every {@code plainEvery}, since {@code \r} would
 * only smear a log. Cheap to call per article: the clock is read once every 256 calls.
 */
public final class ImportProgress {

    private static final DateTimeFormatter EVENT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final long TERMINAL_EVERY_NANOS = Duration.ofMillis(200).toNanos();
    private static final int BAR = 24;

    private final PrintWriter err;
    private final boolean terminal;
    private final long plainEveryNanos;
    private final boolean quiet;
    private long calls;
    private long lastShown = System.nanoTime();
    private long phaseStart = System.nanoTime();
    private int drawnWidth;

    /**
     * @param terminal   redraw one line in place (stderr is a terminal)
     * @param plainEvery how often a plain line is printed when not a terminal
     * @param quiet      show nothing
     */
    public ImportProgress(PrintWriter err, boolean terminal, Duration plainEvery, boolean quiet) {
        this.err = err;
        this.terminal = terminal;
        this.plainEveryNanos = plainEvery.toNanos();
        this.quiet = quiet;
    }

    /** None at all: tests and benchmarks. */
    public static ImportProgress none() {
        return new ImportProgress(new PrintWriter(Writer.nullWriter()), false, Duration.ofDays(1), true);
    }

    /** The writing phase starts now (its rate and ETA count from here). */
    public synchronized void startWriting() {
        clear();
        phaseStart = System.nanoTime();
        lastShown = phaseStart;
    }

    /** Reading: {@code records} lines, rows or items read so far, in {@code file}. */
    public synchronized void reading(String file, long records) {
        if (due()) {
            double perSecond = records / seconds(System.nanoTime() - phaseStart);
            show(terminal
                    ? String.format(Locale.ROOT, "reading %s  %,d lines  %,.0f lines/s", file, records, perSecond)
                    : String.format(Locale.ROOT, "import: reading %s, %,d lines read, %,.0f lines/s", file, records, perSecond));
        }
    }

    /** Writing: {@code done} of {@code total} sent, the last at {@code eventMillis}. */
    public synchronized void writing(long done, long total, long eventMillis) {
        if (due()) {
            double elapsed = seconds(System.nanoTime() - phaseStart);
            double perSecond = done / Math.max(elapsed, 1e-3);
            long etaSeconds = perSecond > 0 ? Math.round((total - done) / perSecond) : -1;
            double fraction = total == 0 ? 1 : (double) done / total;
            String at = EVENT_TIME.format(Instant.ofEpochMilli(eventMillis));
            String eta = etaSeconds < 0 ? "?" : formatDuration(etaSeconds);
            if (terminal) {
                int filled = (int) Math.round(fraction * BAR);
                show(String.format(Locale.ROOT, "writing [%s%s] %3.0f%%  %,d/%,d  %,.0f articles/s  at %s  ETA %s",
                        "#".repeat(filled), ".".repeat(BAR - filled), fraction * 100, done, total, perSecond, at, eta));
            } else {
                show(String.format(Locale.ROOT, "import: written %,d of %,d (%.0f%%), %,.0f articles/s, event time %s, ETA %s",
                        done, total, fraction * 100, perSecond, at, eta));
            }
        }
    }

    /** Clears the in-place line, so that another line (a bad record, the summary) prints cleanly. */
    public synchronized void clear() {
        if (terminal && drawnWidth > 0) {
            err.print("\r" + " ".repeat(drawnWidth) + "\r");
            err.flush();
            drawnWidth = 0;
        }
    }

    private boolean due() {
        if (quiet || (++calls & 0xFF) != 1) {
            return false;
        }
        long now = System.nanoTime();
        if (now - lastShown < (terminal ? TERMINAL_EVERY_NANOS : plainEveryNanos)) {
            return false;
        }
        lastShown = now;
        return true;
    }

    private void show(String line) {
        if (terminal) {
            String padded = line.length() < drawnWidth ? line + " ".repeat(drawnWidth - line.length()) : line;
            err.print("\r" + padded);
            drawnWidth = line.length();
        } else {
            err.println(line);
        }
        err.flush();
    }

    private static double seconds(long nanos) {
        return Math.max(nanos, 1) / 1e9;
    }

    static String formatDuration(long seconds) {
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return (seconds / 60) + "m" + String.format(Locale.ROOT, "%02d", seconds % 60) + "s";
        }
        return (seconds / 3600) + "h" + String.format(Locale.ROOT, "%02d", (seconds % 3600) / 60) + "m";
    }
}
