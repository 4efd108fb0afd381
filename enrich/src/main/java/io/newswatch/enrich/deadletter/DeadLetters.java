package io.newswatch.enrich.deadletter;

import io.newswatch.core.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Builds the {@link DeadLetterHeaders} of a dead letter. Values are UTF-8 strings; the error message is cut
 * to {@link #MAX_MESSAGE_CHARS} so a huge exception message cannot make the dead letter too large to write.
 */
public final class DeadLetters {

    public static final int MAX_MESSAGE_CHARS = 1000;

    private DeadLetters() {
    }

    /** Where the bad record came from; {@code topic} null when unknown (a punctuation, say). */
    public record Source(String topic, int partition, long offset) {
        @Override
        public String toString() {
            return topic == null ? "unknown source" : topic + "-" + partition + "@" + offset;
        }
    }

    /** The original headers plus the dead-letter ones, replacing any earlier dead-letter headers. */
    public static Headers headers(Headers original, String stage, Source source, Throwable error) {
        Headers headers = original == null ? new RecordHeaders() : new RecordHeaders(original.toArray());
        for (String name : new String[] {DeadLetterHeaders.STAGE, DeadLetterHeaders.SOURCE_TOPIC, DeadLetterHeaders.SOURCE_PARTITION,
                DeadLetterHeaders.SOURCE_OFFSET, DeadLetterHeaders.ERROR_CLASS, DeadLetterHeaders.ERROR_MESSAGE}) {
            headers.remove(name);
        }
        put(headers, DeadLetterHeaders.STAGE, stage);
        if (source.topic() != null) {
            put(headers, DeadLetterHeaders.SOURCE_TOPIC, source.topic());
            put(headers, DeadLetterHeaders.SOURCE_PARTITION, Integer.toString(source.partition()));
            put(headers, DeadLetterHeaders.SOURCE_OFFSET, Long.toString(source.offset()));
        }
        put(headers, DeadLetterHeaders.ERROR_CLASS, error.getClass().getName());
        put(headers, DeadLetterHeaders.ERROR_MESSAGE, message(error));
        return headers;
    }

    /** The error's message and its causes' messages, cut to size. */
    public static String message(Throwable error) {
        StringBuilder text = new StringBuilder(String.valueOf(error.getMessage()));
        Throwable cause = error.getCause();
        for (int depth = 0; cause != null && cause != error && depth < 3; depth++, cause = cause.getCause()) {
            text.append(" (caused by ").append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage()).append(')');
        }
        return text.length() <= MAX_MESSAGE_CHARS ? text.toString() : text.substring(0, MAX_MESSAGE_CHARS) + "...";
    }

    private static void put(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
