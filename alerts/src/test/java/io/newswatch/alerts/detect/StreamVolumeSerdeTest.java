package io.newswatch.alerts.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswatch.core.JsonSerde;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the stream volume's state-store bytes")
class StreamVolumeSerdeTest {

    private static final long DAY_MS = Duration.ofDays(1).toMillis();
    private final StreamVolumeSerde serde = new StreamVolumeSerde();

    /** Two days of uneven slots, two baseline memories, some slots final, some pruned. */
    private static StreamVolume volume() {
        StreamVolume v = new StreamVolume(Duration.ofDays(2), Duration.ofDays(7));
        v.track(Duration.ofDays(30));
        long t0 = 1_700_000_000_000L;
        for (int i = 0; i < 900; i++) {
            v.add(StreamVolume.slotOf(t0 + i * StreamVolume.SLOT_MS), 1 + (i * 7919L) % 13);
        }
        v.finalizeThrough(t0 + 800 * StreamVolume.SLOT_MS);
        v.prune(t0 + 800 * StreamVolume.SLOT_MS);
        return v;
    }

    @Test
    @DisplayName("a round trip gives back the very same counts and decayed totals, to the last bit, and the same answers")
    void roundTripIsExact() {
        StreamVolume v = volume();
        StreamVolume back = serde.deserializer().deserialize("t", serde.serializer().serialize("t", v));
        assertThat(back.counts).isEqualTo(v.counts);
        assertThat(back.decayedTotals).isEqualTo(v.decayedTotals);
        assertThat(back.firstSlotStartMs()).isEqualTo(v.firstSlotStartMs());
        assertThat(back.finalUntilMs()).isEqualTo(v.finalUntilMs());
        assertThat(back.retentionMs()).isEqualTo(v.retentionMs());
        long at = v.finalUntilMs() - 3 * StreamVolume.SLOT_MS;
        assertThat(back.decayedTotalAt(at, Duration.ofDays(30))).isEqualTo(v.decayedTotalAt(at, Duration.ofDays(30)));
        assertThat(back.articles(at - DAY_MS, at)).isEqualTo(v.articles(at - DAY_MS, at));
    }

    @Test
    @DisplayName("an empty volume (no slot yet) survives a round trip")
    void empty() {
        StreamVolume v = new StreamVolume(Duration.ofDays(2), Duration.ofDays(7));
        StreamVolume back = serde.deserializer().deserialize("t", serde.serializer().serialize("t", v));
        assertThat(back.firstSlotStartMs()).isEqualTo(Long.MAX_VALUE);
        assertThat(back.finalUntilMs()).isEqualTo(Long.MIN_VALUE);
        assertThat(back.decayedTotals).isEqualTo(v.decayedTotals);
    }

    @Test
    @DisplayName("state written as JSON by an earlier version is still read; an unknown format is refused by name")
    void readsEarlierJsonAndRefusesUnknown() {
        StreamVolume v = volume();
        byte[] json = JsonSerde.of(StreamVolume.class).serialize("t", v);
        StreamVolume back = serde.deserializer().deserialize("t", json);
        assertThat(back.counts).isEqualTo(v.counts);
        assertThat(back.decayedTotals).isEqualTo(v.decayedTotals);
        assertThat(serde.serializer().serialize("t", v).length).isLessThan(json.length);

        assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[] {9, 0, 0}))
                .hasMessageContaining("stream volume state: unknown format 9");
    }
}
