package io.newswatch.core.failure;

import io.newswatch.core.DeadLetter;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way a stream processor sets a record aside: counted, logged with topic, partition and offset, and forwarded as
 * a {@link HandlingOutcome.DeadLetter} with the original bytes and {@link DeadLetter#toHeaders headers saying why}, for
 * {@link DeadLetterRouting#split} to write to the dead-letter topic. One per task, made in the processor's init.
 *
 * @param <K> the processor's output key type; the forwarded dead letter's key is null (its original key bytes are in the
 *            outcome)
 */
public final class DeadLetterForwarder<K, T> {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterForwarder.class);

    private final String stage;
    private final ProcessorContext<K, HandlingOutcome<T>> context;
    private final DeadLetterCounter counter;

    /**
     * @param stage   written to the stage header, e.g. {@code enrich}
     * @param counter where the task counts its dead letters, usually {@link DeadLetterCounter#sensor}
     */
    public DeadLetterForwarder(String stage, ProcessorContext<K, HandlingOutcome<T>> context, DeadLetterCounter counter) {
        this.stage = stage;
        this.context = context;
        this.counter = counter;
    }

    /** Sets {@code record} (as read: raw bytes) aside because of {@code error}. */
    public void forward(Record<byte[], byte[]> record, Throwable error) {
        DeadLetter.Source source = context.recordMetadata().map(DeadLetterForwarder::source).orElse(DeadLetter.Source.UNKNOWN);
        DeadLetter why = DeadLetter.of(stage, source, error);
        counter.count();
        LOG.warn("stage {}: record {} sent to the dead-letter topic: {}: {}", stage, source, why.errorClass(), why.errorMessage());
        context.forward(new Record<K, HandlingOutcome<T>>(null, new HandlingOutcome.DeadLetter<>(record.key(), record.value()),
                record.timestamp(), why.toHeaders(record.headers())));
    }

    private static DeadLetter.Source source(RecordMetadata metadata) {
        return new DeadLetter.Source(metadata.topic(), metadata.partition(), metadata.offset());
    }
}
