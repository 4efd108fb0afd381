package io.newswatch.alerts.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.core.WatchInput;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@link WatchStore#apply}: how the store and the webhook dispatcher read the compacted watches topic. */
class WatchStoreApplyTest {

    private long offset;

    private ConsumerRecord<String, byte[]> record(String key, String json) {
        return new ConsumerRecord<>("news.watches", 0, offset++, key, json == null ? null : json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("a value adds or replaces the watch, a tombstone removes it, as compaction would")
    void upsertAndTombstone() {
        Map<String, WatchInput> table = new HashMap<>();

        WatchStore.apply(table, record("hu", "{\"id\":\"hu\",\"entity\":\"country:HU\"}"));
        WatchStore.apply(table, record("hu", "{\"id\":\"hu\",\"entity\":\"country:AT\"}"));
        WatchStore.apply(table, record("x", "{\"id\":\"x\",\"tag\":\"war\"}"));
        WatchStore.apply(table, record("x", null));

        assertThat(table).containsOnlyKeys("hu");
        assertThat(table.get("hu").entity()).isEqualTo("country:AT");
    }

    @Test
    @DisplayName("an undecodable record or one without a key is skipped and the watch kept as it was")
    void badRecordsSkipped() {
        Map<String, WatchInput> table = new HashMap<>();
        WatchStore.apply(table, record("hu", "{\"id\":\"hu\",\"entity\":\"country:HU\"}"));

        WatchStore.apply(table, record("hu", "{not json"));
        WatchStore.apply(table, record(null, "{\"id\":\"nokey\",\"tag\":\"war\"}"));

        assertThat(table).containsOnlyKeys("hu");
        assertThat(table.get("hu").entity()).isEqualTo("country:HU");
    }
}
