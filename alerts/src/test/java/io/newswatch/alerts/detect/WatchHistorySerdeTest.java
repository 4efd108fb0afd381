package io.newswatch.alerts.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswatch.core.AlertArticle;
import io.newswatch.core.JsonSerde;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("a watch's history's state-store bytes")
class WatchHistorySerdeTest {

    private final WatchHistorySerde serde = new WatchHistorySerde();

    /** Every field set, none to its default, so that a field the serde forgot shows. */
    private static WatchHistory history() {
        WatchHistory h = new WatchHistory();
        h.bucketMs = 600_000;
        h.longestMs = 86_400_000;
        h.baselineMs = 7 * 86_400_000L;
        h.lastClosed = 2_833_333;
        h.baselineCount = 0.1 + 0.2; // not a short decimal: the bits must survive
        h.baselineAtMs = 1_700_000_000_000L;
        h.startFoldMs = 1_699_000_000_000L;
        h.startTotal = Math.PI * 1e5;
        h.priorTotal = 12_345.678_901_234;
        h.priorAtMs = 1_698_000_000_000L;
        h.priorSinceMs = 1_690_000_000_000L;
        h.alertId = "tomahawk-2833330";
        h.openedBucket = 2_833_330;
        h.lastHotBucket = 2_833_332;
        h.lastEventBucket = 2_833_333;
        h.tier = 2;
        h.cooldownUntilMs = 1_700_000_600_000L;
        h.recent.put(2_833_332L, bucket(3, "a", "b", "c"));
        h.recent.put(2_833_333L, new ClosedBucket(1, 1, hashes("d"), hashes("s1"), List.of(
                new AlertArticle("d", null, null, "s1", null))));
        return h;
    }

    private static ClosedBucket bucket(long counted, String... stories) {
        return new ClosedBucket(counted, stories.length + 2L, hashes(stories), hashes("s1", "s2"), List.of(
                new AlertArticle("a1", "Tomahawk missiles — über alles", "https://example.com/a1", "s1",
                        Instant.parse("2023-11-26T12:03:04.123456789Z")),
                new AlertArticle("a2", "Second", "https://example.com/a2", "s2", Instant.parse("2023-11-26T12:04:00Z"))));
    }

    private static IdHashes hashes(String... ids) {
        IdHashes h = new IdHashes();
        for (int i = 0; i < 40; i++) { // past the first growth of the table
            for (String id : ids) {
                h.add(id + i);
            }
        }
        return h;
    }

    @Test
    @DisplayName("the sample sets every field of the history, so that the round trips below cover them all")
    void sampleSetsEveryField() throws IllegalAccessException {
        WatchHistory h = history();
        for (Field f : WatchHistory.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers())) {
                continue;
            }
            Object value = f.get(h);
            assertThat(value).as(f.getName()).isNotNull().isNotEqualTo(0L).isNotEqualTo(0).isNotEqualTo(0.0);
            if (value instanceof Map<?, ?> m) {
                assertThat(m).as(f.getName()).isNotEmpty();
            }
        }
    }

    @Test
    @DisplayName("a round trip gives back every field, doubles to the last bit")
    void roundTripIsExact() {
        WatchHistory h = history();
        WatchHistory back = serde.deserializer().deserialize("t", serde.serializer().serialize("t", h));
        SameIdSets.assertSameState(back, h);
        assertThat(Double.doubleToRawLongBits(back.baselineCount)).isEqualTo(Double.doubleToRawLongBits(h.baselineCount));
        assertThat(back.recent.get(2_833_332L).stories().contains("b7")).isTrue();
    }

    @Test
    @DisplayName("a new history (no bucket, no alert) survives a round trip")
    void empty() {
        WatchHistory h = new WatchHistory();
        SameIdSets.assertSameState(serde.deserializer().deserialize("t", serde.serializer().serialize("t", h)), h);
    }

    @Test
    @DisplayName("a history written as JSON by an earlier version is still read; an unknown format is refused by name")
    void readsEarlierJsonAndRefusesUnknown() {
        WatchHistory h = history();
        byte[] json = JsonSerde.withDataKeys(WatchHistory.class).serialize("t", h);
        SameIdSets.assertSameState(serde.deserializer().deserialize("t", json), h);
        assertThat(serde.serializer().serialize("t", h).length).isLessThan(json.length);

        assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[] {9, 0, 0}))
                .hasMessageContaining("watch history state: unknown format 9");
    }
}
