package io.newswatch.alerts.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("StreamVolume: articles per window")
class StreamVolumeTest {

    private static final long SLOT = StreamVolume.SLOT_MS;

    /** The sum of the counts of the slots in [fromMs, toMs), read straight from the map. */
    private static long summed(StreamVolume v, long fromMs, long toMs) {
        return v.counts.subMap(Math.floorDiv(fromMs, SLOT), true, Math.floorDiv(toMs, SLOT) - 1, true).values().stream()
                .mapToLong(Long::longValue).sum();
    }

    @Test
    @DisplayName("the running totals give every window's sum as the counts do, through adds to old and new slots, gaps and prunes")
    void windowSumsFollowEveryChange() {
        Random random = new Random(42);
        StreamVolume v = new StreamVolume(Duration.ofDays(1), Duration.ofDays(7));
        long t0 = 1_700_000_000_000L;
        long now = t0;
        for (int step = 0; step < 3_000; step++) {
            now += random.nextInt(4) * SLOT;
            if (random.nextInt(50) == 0) {
                now += Duration.ofDays(3).toMillis(); // a jump of event time leaves a gap of slots
            }
            // Mostly into the newest slots, sometimes an earlier one that is not final yet.
            long slot = StreamVolume.slotOf(now) - random.nextInt(3);
            v.add(slot, 1 + random.nextInt(5));
            if (random.nextInt(10) == 0) {
                v.finalizeThrough(now - 2 * SLOT);
            }
            if (random.nextInt(40) == 0) {
                v.prune(now);
            }
            for (long width : new long[] {SLOT, 12 * SLOT, 288 * SLOT, 2000 * SLOT}) {
                long end = (StreamVolume.slotOf(now) - random.nextInt(20)) * SLOT;
                assertThat(v.articles(end - width, end)).as("step %d, width %d", step, width).isEqualTo(summed(v, end - width, end));
            }
        }
    }

    @Test
    @DisplayName("a volume read back from its bytes sums windows as the original does")
    void decodedVolumeSumsAsTheOriginal() {
        StreamVolume v = new StreamVolume(Duration.ofDays(1), Duration.ofDays(7));
        long t0 = 1_700_000_000_000L;
        for (int i = 0; i < 500; i++) {
            v.add(StreamVolume.slotOf(t0 + i * SLOT), 1 + i % 7);
        }
        long end = t0 + 400 * SLOT;
        assertThat(v.articles(end - 288 * SLOT, end)).isEqualTo(summed(v, end - 288 * SLOT, end));
        StreamVolumeSerde serde = new StreamVolumeSerde();
        StreamVolume back = serde.deserializer().deserialize("t", serde.serializer().serialize("t", v));
        back.add(StreamVolume.slotOf(end - SLOT), 5);
        v.add(StreamVolume.slotOf(end - SLOT), 5);
        assertThat(back.articles(end - 288 * SLOT, end)).isEqualTo(v.articles(end - 288 * SLOT, end))
                .isEqualTo(summed(v, end - 288 * SLOT, end));
    }
}
