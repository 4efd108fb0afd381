package io.newswatch.core.failure;

/**
 * What became of one source record in a stream processor: a value to pass on, or the original key and value bytes to
 * dead-letter ({@link DeadLetterRouting#split} sends each its way).
 */
public sealed interface HandlingOutcome<T> {

    static <T> HandlingOutcome<T> handled(T value) {
        return new Handled<>(value);
    }

    record Handled<T>(T value) implements HandlingOutcome<T> {
    }

    /** The bytes as they were read; the headers saying why travel on the Kafka record itself. */
    record DeadLetter<T>(byte[] originalKey, byte[] originalValue) implements HandlingOutcome<T> {
    }
}
