package io.newswatch.core.failure;

/**
 * Turns one source record's bytes into a value, or throws; whatever it throws sends the record to the
 * dead-letter topic. One instance per stream task, so it may hold per-thread state (a tagger); closed
 * with the task.
 */
@FunctionalInterface
public interface RecordHandler<T> extends AutoCloseable {

    T handle(byte[] key, byte[] value) throws Exception;

    @Override
    default void close() {
    }
}
