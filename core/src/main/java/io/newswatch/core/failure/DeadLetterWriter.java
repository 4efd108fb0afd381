package io.newswatch.core.failure;

import io.newswatch.core.DeadLetter;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dead-letter path of a stage built on plain Kafka clients rather than Kafka Streams (the webhook dispatcher): the
 * record's bytes go to the dead-letter topic with the {@link DeadLetter} headers, logged as a stream processor's are
 * ({@link DeadLetterForwarder}), and counted once Kafka has them.
 */
public final class DeadLetterWriter {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterWriter.class);

    private final Producer<byte[], byte[]> producer;
    private final String topic;
    private final DeadLetterCounter counter;

    public DeadLetterWriter(Producer<byte[], byte[]> producer, String topic, DeadLetterCounter counter) {
        this.producer = producer;
        this.topic = topic;
        this.counter = counter;
    }

    /**
     * Sends the dead letter; returns at once.
     *
     * @param onWritten runs (on the producer's thread) once the dead letter is written, after it is counted; a dead letter
     *                  Kafka refused is logged and not counted, and {@code onWritten} does not run (the source record stays
     *                  unacknowledged, and is tried again after a restart)
     */
    public void write(DeadLetter why, byte[] key, byte[] value, Runnable onWritten) {
        LOG.warn("stage {}: record {} sent to the dead-letter topic: {}: {}", why.stage(), why.source(), why.errorClass(),
                why.errorMessage());
        try {
            producer.send(new ProducerRecord<>(topic, null, key, value, why.toHeaders()), (meta, error) -> {
                if (error == null) {
                    counter.count();
                    onWritten.run();
                } else {
                    refused(why, error);
                }
            });
        } catch (KafkaException | IllegalStateException e) {
            // send() throws at once when the producer's buffer stays full for max.block.ms or it is closed: the same outcome
            // as a refusal, and the caller's thread (a webhook lane) must not die of it.
            refused(why, e);
        }
    }

    private static void refused(DeadLetter why, Exception error) {
        LOG.error("stage {}: cannot write the dead letter of record {}: {}", why.stage(), why.source(), error.getMessage());
    }
}
