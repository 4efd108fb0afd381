/**
 * The one failure policy of every stage. A record that cannot be decoded or handled is set aside, never the stage: it
 * goes to the dead-letter topic with its original key and value bytes and {@link io.newswatch.core.DeadLetterHeaders}
 * saying where it came from and why ({@link io.newswatch.core.DeadLetter}), is counted ({@code dead-letters-total} in
 * the stage's metrics scope, {@link io.newswatch.core.failure.DeadLetterCounter}) and logged with topic, partition and
 * offset, and the stage goes on. A part that cannot go on at all reports it
 * ({@link io.newswatch.core.failure.FailureListener}), and the app stops.
 *
 * <p>In a Kafka Streams topology: {@link io.newswatch.core.failure.DeadLetterRouting#handle} with a
 * {@link io.newswatch.core.failure.RecordHandler} (enrich), or a processor of one's own that forwards
 * {@link io.newswatch.core.failure.HandlingOutcome}s through a {@link io.newswatch.core.failure.DeadLetterForwarder},
 * wired with {@link io.newswatch.core.failure.DeadLetterRouting#split} (alerts); every Streams stage's properties get
 * {@link io.newswatch.core.failure.StreamsFailurePolicy#apply} for what falls outside that path. On plain clients: a
 * {@link io.newswatch.core.failure.DeadLetterWriter} (webhook delivery).
 *
 * <p>In: raw key and value bytes and what went wrong. Out: dead letters on the dead-letter topic, counters, failure
 * reports. Uses Kafka Streams (an optional dependency of core: only the modules that run Streams get it).
 */
package io.newswatch.core.failure;
