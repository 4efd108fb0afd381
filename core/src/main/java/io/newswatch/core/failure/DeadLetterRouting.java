package io.newswatch.core.failure;

import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * Wires the dead-letter path into a topology: raw bytes in, handled values out, failures to the dead-letter topic with
 * their original key and value bytes and {@link io.newswatch.core.DeadLetterHeaders}.
 *
 * <pre>{@code
 * KStream<byte[], byte[]> raw = builder.stream(topic, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()));
 * KStream<byte[], Article> articles = DeadLetterRouting.handle(raw, "enrich", "newswatch-enrich", handlerSupplier, topics.dlq());
 * }</pre>
 *
 * <p>Reading bytes and decoding inside the processor (rather than in the source serde) is what lets a decode failure and
 * a processing failure take the same, tested path, with our header names. A processor that does more than turn one
 * record into one value (alerts' matching forwards watermarks and volume reports too) outputs {@link HandlingOutcome}s
 * through a {@link DeadLetterForwarder} of its own and is wired with {@link #split}.
 */
public final class DeadLetterRouting {

    private DeadLetterRouting() {
    }

    /** Handles each raw record with a {@link RecordHandler} (one per task); node names start with {@code stage}. */
    public static <T> KStream<byte[], T> handle(KStream<byte[], byte[]> raw, String stage, String metricsScope,
            Supplier<? extends RecordHandler<T>> handlers, String deadLetterTopic) {
        KStream<byte[], HandlingOutcome<T>> outcomes = raw.process(() -> new DeadLetteringProcessor<>(stage, metricsScope, handlers),
                Named.as(stage + "-handle"));
        return split(outcomes, stage, deadLetterTopic);
    }

    /** Writes the dead letters among {@code outcomes} to {@code deadLetterTopic} and returns the handled values. */
    public static <K, T> KStream<K, T> split(KStream<K, HandlingOutcome<T>> outcomes, String stage, String deadLetterTopic) {
        Map<String, KStream<K, HandlingOutcome<T>>> branches = outcomes
                .split(Named.as(stage + "-"))
                .branch((key, outcome) -> outcome instanceof HandlingOutcome.DeadLetter, Branched.as("dead-letters"))
                .defaultBranch(Branched.as("handled"));
        branches.get(stage + "-dead-letters")
                .map((key, outcome) -> {
                    HandlingOutcome.DeadLetter<T> dead = (HandlingOutcome.DeadLetter<T>) outcome;
                    return KeyValue.pair(dead.originalKey(), dead.originalValue());
                }, Named.as(stage + "-dead-letter-bytes"))
                .to(deadLetterTopic, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName(stage + "-dead-letter-sink"));
        return branches.get(stage + "-handled")
                .mapValues(outcome -> ((HandlingOutcome.Handled<T>) outcome).value(), Named.as(stage + "-handled-values"));
    }
}
