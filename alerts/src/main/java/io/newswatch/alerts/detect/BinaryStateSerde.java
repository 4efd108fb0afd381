package io.newswatch.alerts.detect;

import io.newswatch.core.JsonSerde;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The serde of a piece of detector state kept in a compact binary form that earlier versions wrote as JSON: it writes
 * the binary form and reads both, told apart by the first byte (JSON starts with '{', the binary forms with a format
 * byte that is not '{'), so a store written before the binary form still restores after an upgrade.
 */
public abstract class BinaryStateSerde<T> implements Serde<T> {

    private final Function<T, byte[]> write;
    private final Function<byte[], T> read;
    private final JsonSerde<T> legacyJson;

    protected BinaryStateSerde(Function<T, byte[]> write, Function<byte[], T> read, JsonSerde<T> legacyJson) {
        this.write = write;
        this.read = read;
        this.legacyJson = legacyJson;
    }

    @Override
    public final Serializer<T> serializer() {
        return (topic, value) -> value == null ? null : write.apply(value);
    }

    @Override
    public final Deserializer<T> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            return bytes.length > 0 && bytes[0] == '{' ? legacyJson.deserialize(topic, bytes) : read.apply(bytes);
        };
    }
}
