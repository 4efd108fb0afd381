package io.newswatch.enrich.deadletter;

/** What became of one source record: a value to pass on, or the original value bytes to dead-letter. */
public sealed interface HandlingOutcome<T> {

    record Handled<T>(T value) implements HandlingOutcome<T> {
    }

    /** The headers saying why travel on the Kafka record itself. */
    record DeadLetter<T>(byte[] originalValue) implements HandlingOutcome<T> {
    }
}
