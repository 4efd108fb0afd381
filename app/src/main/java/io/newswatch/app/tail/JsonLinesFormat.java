package io.newswatch.app.tail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newswatch.core.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * One JSON object per line. By default the record's value as it is on the topic (our records are JSON),
 * re-printed compactly, which is what {@code jq} wants. With metadata, or when the value is not JSON (a
 * dead letter of bytes that never parsed) or is a tombstone, an envelope with topic, partition, offset,
 * timestamp, key, headers and the value.
 */
public final class JsonLinesFormat implements RecordFormat {

    private final boolean withMetadata;

    public JsonLinesFormat(boolean withMetadata) {
        this.withMetadata = withMetadata;
    }

    @Override
    public String format(ConsumerRecord<byte[], byte[]> record) {
        JsonNode value = parse(record.value());
        if (value != null && !withMetadata) {
            return value.toString();
        }
        ObjectNode envelope = Json.mapper().createObjectNode();
        envelope.put("topic", record.topic());
        envelope.put("partition", record.partition());
        envelope.put("offset", record.offset());
        envelope.put("timestamp", Instant.ofEpochMilli(record.timestamp()).toString());
        envelope.put("key", text(record.key()));
        if (record.headers().toArray().length > 0) {
            ObjectNode headers = envelope.putObject("headers");
            for (Header h : record.headers()) {
                headers.put(h.key(), text(h.value()));
            }
        }
        if (record.value() == null) {
            envelope.putNull("value");
        } else if (value != null) {
            envelope.set("value", value);
        } else if (isUtf8Text(record.value())) {
            envelope.put("valueText", new String(record.value(), StandardCharsets.UTF_8));
        } else {
            envelope.put("valueBase64", Base64.getEncoder().encodeToString(record.value()));
        }
        return envelope.toString();
    }

    private static JsonNode parse(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return null;
        }
        try {
            JsonNode node = Json.mapper().readTree(bytes);
            return node != null && node.isContainerNode() ? node : null;
        } catch (IOException notJson) {
            return null;
        }
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    private static boolean isUtf8Text(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
