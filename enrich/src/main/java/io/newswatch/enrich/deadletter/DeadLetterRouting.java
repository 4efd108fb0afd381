package io.newswatch.enrich.deadletter;

import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * Wires the dead-letter path into a topology: raw bytes in, handled values out, failures to the
 * dead-letter topic with original key and value bytes.
 *
 * <pre>{@code
 * KStream<byte[], byte[]> raw = builder.stream(topic, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()));
 * KStream<byte[], Article> articles = DeadLetterRouting.handle(raw, "enrich", handlerSupplier, topics.dlq());
 * }</pre>
 *
 * <p>Reading bytes and decoding inside the processor (rather than in the source serde) is what lets a
 * decode failure and a processing failure take the same, tested path, with our header names.
 */
public final class DeadLetterRouting {

    private DeadLetterRouting() {
    }

    public static <T> KStream<byte[], T> handle(KStream<byte[], byte[]> raw, String stage,
            Supplier<? extends RecordHandler<T>> handlers, String deadLetterTopic) {
        Map<String, KStream<byte[], HandlingOutcome<T>>> branches = raw
                .process(() -> new DeadLetteringProcessor<>(stage, handlers), Named.as(stage + "-handle"))
                .split(Named.as(stage + "-"))
                .branch((key, outcome) -> outcome instanceof HandlingOutcome.DeadLetter, Branched.as("dead-letters"))
                .defaultBranch(Branched.as("handled"));
        branches.get(stage + "-dead-letters")
                .mapValues(outcome -> ((HandlingOutcome.DeadLetter<T>) outcome).originalValue(), Named.as(stage + "-dead-letter-bytes"))
                .to(deadLetterTopic, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName(stage + "-dead-letter-sink"));
        return branches.get(stage + "-handled")
                .mapValues(outcome -> ((HandlingOutcome.Handled<T>) outcome).value(), Named.as(stage + "-handled-values"));
    }
}
