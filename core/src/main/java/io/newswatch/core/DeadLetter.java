package io.newswatch.core;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Why one record was set aside, as every stage writes it on the dead-letter topic: the stage that gave up,
 * where the record came from, and the error. {@link #toHeaders()} turns it into the
 * {@link DeadLetterHeaders}; the record's key and value bytes travel untouched beside them.
 *
 * <p>Header values are UTF-8 strings. The error message is never null and is cut to
 * {@link #MAX_MESSAGE_CHARS} (plus {@code "..."}), so a huge exception message cannot make the dead letter
 * too large to write.
 *
 * @param stage        the stage that set the record aside, e.g. {@code enrich}
 * @param source       where the record was read; {@link Source#UNKNOWN} when no record is at hand
 * @param errorClass   the exception's class name, or a short name for a failure that is no exception
 *                     ({@code QueueFull})
 * @param errorMessage what went wrong, cut to size
 */
public record DeadLetter(String stage, Source source, String errorClass, String errorMessage) {

    public static final int MAX_MESSAGE_CHARS = 1000;

    /** How many causes {@link #of(String, Source, Throwable)} names after the error itself. */
    private static final int MAX_CAUSES = 3;

    public DeadLetter {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(errorClass, "errorClass");
        source = source == null ? Source.UNKNOWN : source;
        errorMessage = cut(String.valueOf(errorMessage));
    }

    /**
     * A dead letter for an exception: its class name, and its message followed by up to three causes
     * ({@code "bad (caused by IllegalStateException: root)"}), since the root cause is often the useful part.
     */
    public static DeadLetter of(String stage, Source source, Throwable error) {
        StringBuilder text = new StringBuilder(String.valueOf(error.getMessage()));
        Throwable cause = error.getCause();
        for (int depth = 0; cause != null && cause != error && depth < MAX_CAUSES; depth++, cause = cause.getCause()) {
            text.append(" (caused by ").append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage()).append(')');
        }
        return new DeadLetter(stage, source, error.getClass().getName(), text.toString());
    }

    /** The dead-letter headers alone. */
    public Headers toHeaders() {
        return toHeaders(null);
    }

    /**
     * A copy of {@code original} (which is not modified; null for none) with this dead letter's headers,
     * replacing any earlier dead-letter headers so that a record dead-lettered twice carries only the
     * newest reason and never a stale source.
     */
    public Headers toHeaders(Headers original) {
        Headers headers = original == null ? new RecordHeaders() : new RecordHeaders(original.toArray());
        for (String name : DeadLetterHeaders.ALL) {
            headers.remove(name);
        }
        put(headers, DeadLetterHeaders.STAGE, stage);
        if (source.isKnown()) {
            put(headers, DeadLetterHeaders.SOURCE_TOPIC, source.topic());
            put(headers, DeadLetterHeaders.SOURCE_PARTITION, Integer.toString(source.partition()));
            put(headers, DeadLetterHeaders.SOURCE_OFFSET, Long.toString(source.offset()));
        }
        put(headers, DeadLetterHeaders.ERROR_CLASS, errorClass);
        put(headers, DeadLetterHeaders.ERROR_MESSAGE, errorMessage);
        return headers;
    }

    private static String cut(String message) {
        return message.length() <= MAX_MESSAGE_CHARS ? message : message.substring(0, MAX_MESSAGE_CHARS) + "...";
    }

    private static void put(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Where a dead letter was read: topic, partition and offset. The source headers are left out when it
     * is {@link #UNKNOWN} (a failure in a punctuation, say, has no record metadata).
     */
    public record Source(String topic, int partition, long offset) {

        public static final Source UNKNOWN = new Source(null, -1, -1);

        public boolean isKnown() {
            return topic != null;
        }

        /** {@code topic-partition@offset}, as log lines name a record. */
        @Override
        public String toString() {
            return isKnown() ? topic + "-" + partition + "@" + offset : "unknown source";
        }
    }
}
