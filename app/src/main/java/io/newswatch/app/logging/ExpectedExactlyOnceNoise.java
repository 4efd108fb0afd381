package io.newswatch.app.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drops the broker and producer messages that exactly-once produces in normal operation and that Kafka resolves by
 * itself, so a user does not read a stack trace as data loss (docs/CLI.md, "Messages from Kafka"):
 *
 * <ul>
 *   <li>the producer's WARN "Got error produce response ... retrying ... CONCURRENT_TRANSACTIONS" or
 *       "OUT_OF_ORDER_SEQUENCE_NUMBER": the next transaction's first batches reached the broker while the previous
 *       transaction was still being completed; the producer retries them in order;</li>
 *   <li>the embedded broker's matching ERROR "Error processing append operation" with an
 *       {@code OutOfOrderSequenceException}: the same refusal, seen from the broker.</li>
 * </ul>
 *
 * Everything else passes, including these messages when they do not say they are retried. How many were dropped is
 * kept, for a line at the end of a run.
 */
public final class ExpectedExactlyOnceNoise extends Filter<ILoggingEvent> {

    private static final AtomicLong DROPPED = new AtomicLong();

    /** Messages dropped so far in this JVM. */
    public static long dropped() {
        return DROPPED.get();
    }

    @Override
    public FilterReply decide(ILoggingEvent event) {
        if (expected(event)) {
            DROPPED.incrementAndGet();
            return FilterReply.DENY;
        }
        return FilterReply.NEUTRAL;
    }

    static boolean expected(ILoggingEvent event) {
        String logger = event.getLoggerName();
        String message = event.getFormattedMessage();
        if (message == null) {
            return false;
        }
        if (event.getLevel() == Level.WARN && logger.equals("org.apache.kafka.clients.producer.internals.Sender")) {
            return message.contains(", retrying (")
                    && (message.contains("CONCURRENT_TRANSACTIONS") || message.contains("OUT_OF_ORDER_SEQUENCE_NUMBER"));
        }
        if (event.getLevel() == Level.ERROR && logger.equals("kafka.server.ReplicaManager")) {
            IThrowableProxy t = event.getThrowableProxy();
            return message.startsWith("[ReplicaManager") && message.contains("Error processing append operation")
                    && t != null && t.getClassName().endsWith("OutOfOrderSequenceException");
        }
        return false;
    }
}
