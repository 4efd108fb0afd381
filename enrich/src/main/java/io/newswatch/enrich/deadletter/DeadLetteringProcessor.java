package io.newswatch.enrich.deadletter;

import io.newswatch.core.DeadLetter;
import io.newswatch.enrich.metrics.EnrichMetrics;
import java.util.function.Supplier;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link RecordHandler} on each raw record and forwards either the handled value or a dead letter
 * carrying the original bytes and {@link DeadLetter#toHeaders(org.apache.kafka.common.header.Headers) why}. Failures are counted in the
 * {@code dead-letters} metric and logged with topic, partition and offset; the record after a failure is
 * handled as if nothing happened.
 */
public final class DeadLetteringProcessor<T> implements Processor<byte[], byte[], byte[], HandlingOutcome<T>> {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetteringProcessor.class);

    private final String stage;
    private final Supplier<? extends RecordHandler<T>> handlers;
    private RecordHandler<T> handler;
    private ProcessorContext<byte[], HandlingOutcome<T>> context;
    private Sensor deadLetters;

    /**
     * @param stage    name written to the stage header, e.g. {@code enrich}
     * @param handlers makes one handler per task
     */
    public DeadLetteringProcessor(String stage, Supplier<? extends RecordHandler<T>> handlers) {
        this.stage = stage;
        this.handlers = handlers;
    }

    @Override
    public void init(ProcessorContext<byte[], HandlingOutcome<T>> context) {
        this.context = context;
        this.handler = handlers.get();
        this.deadLetters = EnrichMetrics.sensor(context, EnrichMetrics.DEAD_LETTERS);
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        T value;
        try {
            value = handler.handle(record.key(), record.value());
        } catch (Exception | StackOverflowError e) {
            // StackOverflowError: a pathological input (deeply nested JSON) must not take the thread down.
            DeadLetter.Source source = context.recordMetadata()
                    .map(DeadLetteringProcessor::source)
                    .orElse(DeadLetter.Source.UNKNOWN);
            DeadLetter why = DeadLetter.of(stage, source, e);
            deadLetters.record();
            LOG.warn("stage {}: record {} sent to the dead-letter topic: {}: {}", stage, source, why.errorClass(), why.errorMessage());
            context.forward(new Record<byte[], HandlingOutcome<T>>(record.key(), new HandlingOutcome.DeadLetter<>(record.value()),
                    record.timestamp(), why.toHeaders(record.headers())));
            return;
        }
        context.forward(record.withValue(new HandlingOutcome.Handled<>(value)));
    }

    private static DeadLetter.Source source(RecordMetadata metadata) {
        return new DeadLetter.Source(metadata.topic(), metadata.partition(), metadata.offset());
    }

    @Override
    public void close() {
        if (handler != null) {
            handler.close();
        }
    }
}
