package io.newswatch.core.failure;

import java.util.function.Supplier;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Runs a {@link RecordHandler} on each raw record and forwards either the handled value or, for whatever the handler
 * throws, a dead letter ({@link DeadLetterForwarder}); the record after a failure is handled as if nothing happened.
 */
public final class DeadLetteringProcessor<T> implements Processor<byte[], byte[], byte[], HandlingOutcome<T>> {

    private final String stage;
    private final String metricsScope;
    private final Supplier<? extends RecordHandler<T>> handlers;
    private RecordHandler<T> handler;
    private ProcessorContext<byte[], HandlingOutcome<T>> context;
    private DeadLetterForwarder<byte[], T> deadLetters;

    /**
     * @param stage        name written to the stage header, e.g. {@code enrich}
     * @param metricsScope scope of the stage's {@code dead-letters} sensor, e.g. {@code newswatch-enrich}
     * @param handlers     makes one handler per task
     */
    public DeadLetteringProcessor(String stage, String metricsScope, Supplier<? extends RecordHandler<T>> handlers) {
        this.stage = stage;
        this.metricsScope = metricsScope;
        this.handlers = handlers;
    }

    @Override
    public void init(ProcessorContext<byte[], HandlingOutcome<T>> context) {
        this.context = context;
        this.handler = handlers.get();
        this.deadLetters = new DeadLetterForwarder<>(stage, context, DeadLetterCounter.sensor(context, metricsScope));
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        T value;
        try {
            value = handler.handle(record.key(), record.value());
        } catch (Exception | StackOverflowError e) {
            // StackOverflowError: a pathological input (deeply nested JSON) must not take the thread down.
            deadLetters.forward(record, e);
            return;
        }
        context.forward(record.withValue(HandlingOutcome.handled(value)));
    }

    @Override
    public void close() {
        if (handler != null) {
            handler.close();
        }
    }
}
