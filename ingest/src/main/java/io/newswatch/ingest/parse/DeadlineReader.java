package io.newswatch.ingest.parse;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.Reader;

/**
 * A reader that fails once its deadline has passed or its thread is interrupted. XML parsers pull
 * their input in small blocks, so wrapping the input in this makes a parse that runs too long stop at
 * its next read instead of holding a parser thread indefinitely.
 */
final class DeadlineReader extends Reader {

    private final Reader in;
    private final long deadlineNanos;

    DeadlineReader(Reader in, long deadlineNanos) {
        this.in = in;
        this.deadlineNanos = deadlineNanos;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        check(deadlineNanos);
        return in.read(buffer, offset, Math.min(length, 8192));
    }

    /** Fails when the thread is interrupted or the deadline has passed: the checkpoint of every parser input. */
    static void check(long deadlineNanos) throws InterruptedIOException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedIOException("parse abandoned");
        }
        if (System.nanoTime() - deadlineNanos > 0) {
            throw new InterruptedIOException("parse ran past its time limit");
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
