package io.newswatch.app.importer;

import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * Counts bad input and prints the first {@code maxPrinted} of it as {@code FILE:LINE: reason} (the form
 * editors and grep understand), so a file with a million broken lines does not bury the summary. Nothing
 * bad is dropped silently: every one is counted, and the summary says how many were not printed.
 */
public final class ImportProblems {

    private final PrintWriter err;
    private final int maxPrinted;
    private final Runnable beforePrint;
    private long count;
    private long printed;
    private long printedLines;

    /**
     * @param err         where the lines go
     * @param maxPrinted  how many to print at most
     * @param beforePrint run before each printed line (the progress bar clears its line)
     */
    public ImportProblems(PrintWriter err, int maxPrinted, Runnable beforePrint) {
        this.err = err;
        this.maxPrinted = maxPrinted;
        this.beforePrint = beforePrint;
    }

    /** A bad line or record; {@code line} 0 means the file as a whole. */
    public void report(Path file, long line, String reason) {
        report(file, line, reason, 1);
    }

    /** {@code n} bad records told in one line (feed items that carried nothing). */
    public synchronized void report(Path file, long line, String reason, long n) {
        count += n;
        if (printedLines < maxPrinted) {
            printedLines++;
            printed += n;
            beforePrint.run();
            err.println(line > 0 ? file + ":" + line + ": " + reason : file + ": " + reason);
            err.flush();
        }
    }

    public synchronized long count() {
        return count;
    }

    /** How many were counted but not printed. */
    public synchronized long unprinted() {
        return count - printed;
    }
}
