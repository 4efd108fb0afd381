package io.newswatch.enrich.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SeenTimesTest {

    @Test
    @DisplayName("behaves as a map of hash to time under puts, conditional removals and growth, crowded slots and hash 0 included")
    void likeAMap() {
        SeenTimes table = new SeenTimes();
        Map<Long, Long> model = new HashMap<>();
        Random random = new Random(7);
        for (int step = 0; step < 200_000; step++) {
            // Few distinct low bits, so probe runs are long and removals shift entries across them.
            long hash = random.nextInt(4) == 0 ? 0 : ((long) random.nextInt(5_000) << 40) | random.nextInt(16);
            long time = random.nextInt(1_000);
            if (random.nextInt(3) == 0) {
                long cutoff = random.nextInt(1_000);
                table.removeIfBefore(hash, cutoff);
                if (model.containsKey(hash) && model.get(hash) < cutoff) {
                    model.remove(hash);
                }
            } else {
                table.put(hash, time);
                model.put(hash, time);
            }
            if (step % 10_000 == 0) {
                for (long h = 0; h < 5_000; h++) {
                    long key = h % 97 == 0 ? 0 : (h << 40) | (h % 16);
                    assertThat(table.get(key)).isEqualTo(model.getOrDefault(key, Long.MIN_VALUE));
                }
            }
        }
        assertThat(table.size()).isEqualTo(model.size());
        model.forEach((h, t) -> assertThat(table.get(h)).isEqualTo(t));
    }

    @Test
    @DisplayName("a removal keeps a time refreshed at or after the cutoff")
    void refreshedSurvives() {
        SeenTimes table = new SeenTimes();
        table.put(42, 100);
        table.removeIfBefore(42, 100);
        assertThat(table.get(42)).isEqualTo(100);
        table.removeIfBefore(42, 101);
        assertThat(table.get(42)).isEqualTo(Long.MIN_VALUE);
        assertThat(table.size()).isZero();
    }
}
