package io.newswatch.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ExpectedExactlyOnceNoiseTest {

    private static final LoggerContext CONTEXT = new LoggerContext();

    private static LoggingEvent event(String logger, Level level, String message, Throwable t) {
        Logger l = CONTEXT.getLogger(logger);
        return new LoggingEvent(Logger.class.getName(), l, level, message, t, null);
    }

    @Test
    @DisplayName("the producer's retried CONCURRENT_TRANSACTIONS and OUT_OF_ORDER_SEQUENCE_NUMBER warnings are dropped")
    void dropsRetriedProducerWarnings() {
        String sender = "org.apache.kafka.clients.producer.internals.Sender";
        assertThat(ExpectedExactlyOnceNoise.expected(event(sender, Level.WARN,
                "[Producer clientId=x] Got error produce response with correlation id 3 on topic-partition t-0, retrying "
                        + "(2147483646 attempts left). Error: CONCURRENT_TRANSACTIONS", null))).isTrue();
        assertThat(ExpectedExactlyOnceNoise.expected(event(sender, Level.WARN,
                "Got error produce response with correlation id 9 on topic-partition t-1, retrying (5 attempts left). Error: OUT_OF_ORDER_SEQUENCE_NUMBER", null))).isTrue();
    }

    @Test
    @DisplayName("the broker's out-of-order-sequence append error is dropped; other errors and unretried warnings pass")
    void keepsEverythingElse() {
        assertThat(ExpectedExactlyOnceNoise.expected(event("kafka.server.ReplicaManager", Level.ERROR,
                "[ReplicaManager broker=1] Error processing append operation on partition x:t-0",
                new OutOfOrderSequenceException("Invalid sequence number")))).isTrue();
        assertThat(ExpectedExactlyOnceNoise.expected(event("kafka.server.ReplicaManager", Level.ERROR,
                "[ReplicaManager broker=1] Error processing append operation on partition x:t-0", new IllegalStateException("disk")))).isFalse();
        assertThat(ExpectedExactlyOnceNoise.expected(event("org.apache.kafka.clients.producer.internals.Sender", Level.WARN,
                "Got error produce response. Error: OUT_OF_ORDER_SEQUENCE_NUMBER, not retrying", null))).isFalse();
        assertThat(ExpectedExactlyOnceNoise.expected(event("io.newswatch.Something", Level.WARN, "CONCURRENT_TRANSACTIONS retrying", null)))
                .isFalse();
    }
}
