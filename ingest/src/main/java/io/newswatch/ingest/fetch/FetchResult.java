package io.newswatch.ingest.fetch;

import java.time.Duration;

/** The outcome of one fetch of one feed. */
public sealed interface FetchResult {

    /**
     * A body to parse.
     *
     * @param body       the decompressed body, within the caps
     * @param charset    charset parameter of the Content-Type, or null
     * @param finalUrl   the URL after redirects (the base for relative links)
     * @param validators what to send next time for a conditional request
     * @param pollFloor  the server's Cache-Control max-age, or null: never poll sooner than this
     */
    record Fetched(byte[] body, String charset, String finalUrl, Validators validators, Duration pollFloor) implements FetchResult {
    }

    /** HTTP 304, or a file unchanged since the last read. */
    record NotModified(Duration pollFloor) implements FetchResult {
    }

    /**
     * The fetch failed.
     *
     * @param cause      what went wrong, for the log line and the feed's lastError
     * @param retryAfter the server's Retry-After (429/503), or null
     */
    record Failed(String cause, Duration retryAfter) implements FetchResult {
    }

    /**
     * No request was sent: every connection slot to the host (or of this process) stayed busy for the whole wait. The
     * poll did not happen, rather than failed: it is neither counted as a fetch nor as an error, and is tried again soon.
     *
     * @param cause what was waited for, for the debug log
     */
    record Deferred(String cause) implements FetchResult {
    }
}
