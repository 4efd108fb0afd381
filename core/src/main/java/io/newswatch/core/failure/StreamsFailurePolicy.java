package io.newswatch.core.failure;

import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;

/**
 * What a Kafka Streams stage does with a record it cannot handle, set in one place for every stage: log it, skip it, and
 * send it to the dead-letter topic; one bad record, or one bug that a single record trips, must not stop the stage (and
 * with it the whole of {@code newswatch run}).
 *
 * <p>Records are decoded inside the topologies ({@link DeadLetterRouting}), so what reaches these handlers is what falls
 * outside that path: a repartition or internal topic the stage wrote itself that does not decode, an exception in a
 * processor (a bug in matching or detection), a record the cluster refuses to take. Kafka's own dead-letter queue
 * (KIP-1034) writes such records to the DLQ topic with its own {@code __streams.errors.*} headers. What is left, an error
 * that is not about one record (a fenced producer, a lost state directory), kills the stream thread; the app's Streams
 * runner then reports it to the supervisor, which stops the command with exit code 1.
 */
public final class StreamsFailurePolicy {

    private StreamsFailurePolicy() {
    }

    /** Sets the exception handlers and the dead-letter topic on a stage's Streams properties. */
    public static void apply(Properties streams, String deadLetterTopic) {
        streams.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
        streams.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueProcessingExceptionHandler.class);
        streams.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, SkipUnwritableRecordHandler.class);
        streams.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, deadLetterTopic);
        // Kafka 5.0's default, taken now: the processing handler also covers global stores (the watches), and a start-up
        // warning goes away.
        streams.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
    }
}
