package io.newswatch.ingest.fetch;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Fails as soon as more than {@code cap} bytes have been read, so an oversized body (or a decompression
 * bomb, when wrapped around the decompressor) is abandoned early instead of filling memory. Also
 * reports progress, which the read-timeout watchdog uses to tell a slow server from a stalled one.
 */
final class CappedInputStream extends FilterInputStream {

    /** Thrown when the cap is passed; the message names what was capped. */
    static final class CapExceededException extends IOException {
        CapExceededException(String message) {
            super(message);
        }
    }

    private final long cap;
    private final String what;
    private final Runnable onProgress;
    private long count;

    CappedInputStream(InputStream in, long cap, String what, Runnable onProgress) {
        super(in);
        this.cap = cap;
        this.what = what;
        this.onProgress = onProgress;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            advance(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            advance(n);
        }
        return n;
    }

    private void advance(int n) throws CapExceededException {
        count += n;
        onProgress.run();
        if (count > cap) {
            throw new CapExceededException(what + " exceeds the cap of " + cap + " bytes");
        }
    }
}
