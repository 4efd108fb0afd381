package io.newswatch.core.failure;

/**
 * Hears that a long-running part of a stage cannot go on (a Streams client in ERROR, the webhook dispatcher's loop or
 * the ingest group member dead of an error): the app's supervisor then stops the whole command with exit code 1 rather
 * than let it run on without that part.
 */
@FunctionalInterface
public interface FailureListener {

    /** For parts run alone (tests, tools): the failure is only logged where it happened. */
    FailureListener IGNORE = reason -> { };

    /** @param reason what stopped, in a sentence for the log */
    void failed(String reason);
}
