/**
 * A real single-node Apache Kafka broker (KRaft, broker and controller in one process) running inside
 * this JVM.
 *
 * <p>In: a data directory, a host and a port ({@link io.newswatch.broker.EmbeddedKafkaBroker#start}), or
 * nothing at all for tests ({@link io.newswatch.broker.EmbeddedKafkaBroker#startEphemeral}). Out: a
 * bootstrap address that any Kafka client, Kafka Streams included (exactly-once too), can use, and an
 * idempotent way to create topics. {@code newswatch run} uses it when no bootstrap servers are
 * configured; every {@code *IT} of the project uses it instead of Docker.
 *
 * <p>This module depends on Kafka's server artifacts only, never on the rest of newswatch.
 */
package io.newswatch.broker;
