package io.newswatch.alerts.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.alerts.AlertsSettings;
import io.newswatch.alerts.watch.WatchValidator;
import io.newswatch.core.RecordSerdes;
import io.newswatch.core.Settings;
import io.newswatch.core.Topics;
import io.newswatch.core.Watch;
import io.newswatch.core.WatchInput;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the current watches: read again when the store's writer wrote, or a restore may have")
class ActiveWatchesTest {

    private static final Topics TOPICS = Topics.defaults();
    private static final WatchValidator VALIDATOR = new WatchValidator(
            AlertsSettings.from(Settings.of(Map.of())).watchDefaults(), TOPICS);

    /** What a watch compiles to here: the watch itself. */
    private record Compiled(Watch watch) implements AutoCloseable {
        @Override
        public void close() {
        }
    }

    private KeyValueStore<String, byte[]> store;
    private final WatchStoreWrites writes = new WatchStoreWrites();
    private WatchesStoreUpdater updater;
    private long nanos = 1_000;
    private ActiveWatches<Compiled> watches;

    @BeforeEach
    void setUp() {
        MockProcessorContext<Void, Void> context = new MockProcessorContext<>();
        store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("watches"), Serdes.String(), Serdes.ByteArray())
                .withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        updater = new WatchesStoreUpdater("watches", writes);
        updater.init(context);
        watches = new ActiveWatches<>(VALIDATOR, Compiled::new, writes, () -> nanos);
    }

    private static byte[] watch(String id) {
        return RecordSerdes.WATCH.serialize(TOPICS.watches(), new WatchInput(WatchInput.SCHEMA_VERSION, id, "about " + id, null, null,
                "weapon:tomahawk", null, null, null, null, null, null, null, null, null, null));
    }

    @Test
    @DisplayName("a watch added or removed through the topic is seen at the next refresh; no write, the same view")
    void seesTheUpdatersWritesAtOnce() {
        updater.process(new Record<>("a", watch("a"), 0));
        Map<String, Compiled> first = watches.refresh(store);
        assertThat(first).containsOnlyKeys("a");
        assertThat(watches.refresh(store)).isSameAs(first);

        updater.process(new Record<>("b", watch("b"), 0));
        assertThat(watches.refresh(store)).containsOnlyKeys("a", "b");
        updater.process(new Record<>("a", null, 0));
        assertThat(watches.refresh(store)).containsOnlyKeys("b");
    }

    @Test
    @DisplayName("a write that bypasses the updater (a restore from the topic) is seen within the full-read interval")
    void seesARestoreWithinTheInterval() {
        assertThat(watches.refresh(store)).isEmpty();
        store.put("a", watch("a")); // as a restore does: straight into the store
        assertThat(watches.refresh(store)).as("not read again yet").isEmpty();
        nanos += ActiveWatches.FULL_READ_INTERVAL.toNanos() - 1;
        assertThat(watches.refresh(store)).isEmpty();
        nanos += 1;
        assertThat(watches.refresh(store)).containsOnlyKeys("a");
    }

    @Test
    @DisplayName("the first refresh reads the store as restored at start")
    void firstRefreshReads() {
        store.put("a", watch("a"));
        assertThat(watches.refresh(store)).containsOnlyKeys("a");
    }
}
