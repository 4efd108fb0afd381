package io.newswatch.core;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serde;

/**
 * A topic's name bound to the serdes of its keys and values, so that whoever writes or reads it uses the same ones
 * (as {@code Schemas.Topics} in Confluent's kafka-streams-examples). The pipeline's topics come from {@link Topics}:
 * {@code topics.rawArticles()}, {@code topics.enrichedArticles()}, {@code topics.alertEvents()},
 * {@code topics.watchTable()}.
 *
 * <p>Decoding failures are Kafka's {@code SerializationException} naming the topic, so a caller that reads bytes (to
 * dead-letter what does not decode) calls {@link #value(byte[])} and catches that.
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {

    /** {@code value} as this topic's bytes. */
    public byte[] bytes(V value) {
        return valueSerde.serializer().serialize(name, value);
    }

    /** A value read from this topic's bytes; null for a tombstone. */
    public V value(byte[] bytes) {
        return valueSerde.deserializer().deserialize(name, bytes);
    }

    /** A record for this topic, partitioned by key. */
    public ProducerRecord<K, V> record(K key, V value) {
        return new ProducerRecord<>(name, key, value);
    }

    @Override
    public String toString() {
        return name;
    }
}
