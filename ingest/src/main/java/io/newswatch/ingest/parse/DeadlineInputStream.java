package io.newswatch.ingest.parse;

import java.io.IOException;
import java.io.InputStream;

/**
 * The byte-stream twin of {@link DeadlineReader}, for parsers that read a feed's bytes directly: each
 * read first checks the deadline and the thread's interrupt flag, and reads at most 8 KB, so a parse
 * that runs too long stops at its next block.
 */
final class DeadlineInputStream extends InputStream {

    private final InputStream in;
    private final long deadlineNanos;

    DeadlineInputStream(InputStream in, long deadlineNanos) {
        this.in = in;
        this.deadlineNanos = deadlineNanos;
    }

    @Override
    public int read() throws IOException {
        DeadlineReader.check(deadlineNanos);
        return in.read();
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        DeadlineReader.check(deadlineNanos);
        return in.read(buffer, offset, Math.min(length, 8192));
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
