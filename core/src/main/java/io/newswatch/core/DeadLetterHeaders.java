package io.newswatch.core;

import java.util.List;

/**
 * Header names on {@code news.dlq} records. A dead letter keeps the original key and value bytes
 * untouched and says in these headers where it came from and why it was set aside; {@link DeadLetter}
 * writes them.
 */
public final class DeadLetterHeaders {
    public static final String STAGE = "newswatch.dlq.stage";
    public static final String SOURCE_TOPIC = "newswatch.dlq.source.topic";
    public static final String SOURCE_PARTITION = "newswatch.dlq.source.partition";
    public static final String SOURCE_OFFSET = "newswatch.dlq.source.offset";
    public static final String ERROR_CLASS = "newswatch.dlq.error.class";
    public static final String ERROR_MESSAGE = "newswatch.dlq.error.message";

    /** Every name above, in the order {@link DeadLetter#toHeaders()} writes them. */
    public static final List<String> ALL = List.of(STAGE, SOURCE_TOPIC, SOURCE_PARTITION, SOURCE_OFFSET, ERROR_CLASS, ERROR_MESSAGE);

    private DeadLetterHeaders() {
    }
}
