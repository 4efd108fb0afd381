/**
 * The dead-letter path: records that cannot be decoded or processed go to the dead-letter topic with their
 * original key and value bytes and {@link io.newswatch.core.DeadLetterHeaders} saying where they came from
 * and why (written by {@link io.newswatch.core.DeadLetter}, as in every stage), are counted and logged with topic, partition and
 * offset, and the stream goes on.
 *
 * <p>In: raw key and value bytes from a source topic. Out: a stream of successfully handled values, and
 * dead letters written to the dead-letter topic. {@link io.newswatch.enrich.deadletter.DeadLetterRouting}
 * wires that into a topology; it depends only on core and Kafka Streams, so other stages can copy it as is.
 */
package io.newswatch.enrich.deadletter;
