package io.newswatch.alerts.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.alerts.detect.StreamVolume;
import io.newswatch.alerts.detect.StreamVolumeSerde;
import io.newswatch.core.JsonSerde;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the stream volume in its store: pages written as they change, read back whole")
class StoredStreamVolumeTest {

    private static final long SLOT = StreamVolume.SLOT_MS;
    private static final long T0 = 1_700_000_000_000L;
    private static final Duration RETENTION = Duration.ofDays(2);
    private static final Duration BASELINE = Duration.ofDays(7);

    private KeyValueStore<String, byte[]> store;

    @BeforeEach
    void setUp() {
        store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("volume"), Serdes.String(), Serdes.ByteArray())
                .withLoggingDisabled().build();
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);
    }

    /** Counts, finalizes and prunes as the detector does, {@code slots} slots from {@code from}. */
    private static void run(StreamVolume v, int from, int slots) {
        for (int i = from; i < from + slots; i++) {
            v.add(StreamVolume.slotOf(T0 + i * SLOT), 1 + (i * 7919L) % 13);
            v.finalizeThrough(T0 + (i - 3) * SLOT);
            v.prune(T0 + (i - 3) * SLOT);
        }
    }

    private static StreamVolume volume() {
        StreamVolume v = new StreamVolume(RETENTION, BASELINE);
        v.track(Duration.ofDays(30));
        run(v, 0, 900);
        return v;
    }

    private Map<String, byte[]> contents() {
        Map<String, byte[]> all = new TreeMap<>();
        try (KeyValueIterator<String, byte[]> it = store.all()) {
            it.forEachRemaining(kv -> all.put(kv.key, kv.value));
        }
        return all;
    }

    private static void assertSame(StreamVolume actual, StreamVolume expected) {
        long at = expected.finalUntilMs() - 3 * SLOT;
        assertThat(actual.firstSlotStartMs()).isEqualTo(expected.firstSlotStartMs());
        assertThat(actual.finalUntilMs()).isEqualTo(expected.finalUntilMs());
        assertThat(actual.retentionMs()).isEqualTo(expected.retentionMs());
        for (Duration tau : List.of(BASELINE, Duration.ofDays(30))) {
            for (long t = at - Duration.ofDays(2).toMillis(); t <= at; t += SLOT) {
                assertThat(actual.decayedTotalAt(t, tau)).as("G at %d, tau %s", t, tau).isEqualTo(expected.decayedTotalAt(t, tau));
            }
        }
        assertThat(actual.articles(at - Duration.ofDays(1).toMillis(), at)).isEqualTo(expected.articles(at - Duration.ofDays(1).toMillis(), at));
        assertThat(actual.articles(at - SLOT, at)).isEqualTo(expected.articles(at - SLOT, at));
    }

    @Test
    @DisplayName("a volume saved as it ran is read back exactly, and then goes on exactly as the uninterrupted one")
    void restoredVolumeGoesOnAsTheUninterruptedOne() {
        StoredStreamVolume stored = new StoredStreamVolume(store);
        StreamVolume running = stored.load(RETENTION, BASELINE);
        running.track(Duration.ofDays(30));
        for (int i = 0; i < 900; i++) {
            run(running, i, 1);
            stored.save(running); // after every record, as the detector does
        }
        StreamVolume restored = new StoredStreamVolume(store).load(RETENTION, BASELINE);
        assertSame(restored, running);
        assertThat(restored.changedPages().isEmpty()).isTrue();

        run(running, 900, 400);
        run(restored, 900, 400);
        assertSame(restored, running);
    }

    @Test
    @DisplayName("a save rewrites only the pages that changed, and deletes the pages pruning emptied")
    void savesOnlyWhatChanged() {
        StoredStreamVolume stored = new StoredStreamVolume(store);
        StreamVolume v = stored.load(RETENTION, BASELINE);
        v.track(Duration.ofDays(30));
        run(v, 0, 900);
        stored.save(v);
        Map<String, byte[]> before = contents();
        String oldest = before.keySet().stream().filter(k -> k.startsWith("page ")).min(this::byPage).orElseThrow();
        String untouched = "page " + (pageIndex(oldest) + 5); // pruning two hours empties two pages, changes a third
        byte[] marker = {42};
        store.put(untouched, marker); // a save that rewrote it would replace this

        run(v, 900, 24); // two hours more: two new pages, the two oldest pruned
        stored.save(v);
        Map<String, byte[]> after = contents();
        assertThat(after.get(untouched)).isEqualTo(marker);
        assertThat(after).doesNotContainKey(oldest);
        assertThat(after.keySet()).hasSize(before.size());
        assertThat(after.get("meta")).isNotEqualTo(before.get("meta"));
    }

    private int byPage(String a, String b) {
        return Long.compare(pageIndex(a), pageIndex(b));
    }

    private static long pageIndex(String key) {
        return Long.parseLong(key.substring("page ".length()));
    }

    @Test
    @DisplayName("the whole volume under one key, as versions before the pages wrote it (binary or JSON), is read and "
            + "rewritten as pages")
    void readsAndRewritesTheLegacyValue() {
        StreamVolume original = volume();
        for (byte[] legacy : List.of(new StreamVolumeSerde().serializer().serialize("t", original),
                JsonSerde.of(StreamVolume.class).serialize("t", original))) {
            setUp();
            store.put("stream", legacy);
            StoredStreamVolume stored = new StoredStreamVolume(store);
            StreamVolume read = stored.load(RETENTION, BASELINE);
            assertSame(read, original);
            stored.save(read);
            assertThat(contents()).doesNotContainKey("stream").containsKey("meta").hasSizeGreaterThan(2 * 24);
            assertSame(new StoredStreamVolume(store).load(RETENTION, BASELINE), original);
        }
    }

    @Test
    @DisplayName("pages written with another page size are read, then all rewritten with this one")
    void rewritesPagesOfAnotherSize() {
        StoredStreamVolume stored = new StoredStreamVolume(store);
        StreamVolume original = stored.load(RETENTION, BASELINE);
        original.track(Duration.ofDays(30));
        run(original, 0, 900);
        stored.save(original);
        // Make it look written by a version with day-long pages: other keys, another size in the meta entry.
        List<KeyValue<String, byte[]>> entries = new ArrayList<>();
        contents().forEach((k, val) -> entries.add(KeyValue.pair(k, val)));
        for (KeyValue<String, byte[]> kv : entries) {
            store.delete(kv.key);
            if (kv.key.equals("meta")) {
                store.put("meta", ByteBuffer.wrap(kv.value.clone()).putInt(1, 288).array());
            } else {
                store.put("old " + kv.key, kv.value);
            }
        }
        StoredStreamVolume upgraded = new StoredStreamVolume(store);
        StreamVolume read = upgraded.load(RETENTION, BASELINE);
        assertSame(read, original);
        upgraded.save(read);
        assertThat(contents().keySet()).noneMatch(k -> k.startsWith("old "));
        assertSame(new StoredStreamVolume(store).load(RETENTION, BASELINE), original);
    }

    @Test
    @DisplayName("an empty store gives a new volume, written at the first save")
    void emptyStore() {
        StoredStreamVolume stored = new StoredStreamVolume(store);
        StreamVolume v = stored.load(RETENTION, BASELINE);
        assertThat(v.finalUntilMs()).isEqualTo(Long.MIN_VALUE);
        stored.save(v);
        assertThat(contents()).containsOnlyKeys("meta");
        assertThat(new StoredStreamVolume(store).load(RETENTION, BASELINE).decayedTotalAt(T0, BASELINE)).isZero();
    }
}
