/**
 * Counters of the enrich stage (dead letters, duplicates dropped), registered with Kafka Streams' own
 * metrics so they appear beside its built-in ones (JMX, {@code KafkaStreams#metrics()}).
 */
package io.newswatch.enrich.metrics;
