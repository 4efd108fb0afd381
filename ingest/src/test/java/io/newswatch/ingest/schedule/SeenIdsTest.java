package io.newswatch.ingest.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SeenIdsTest {

    @Test
    @DisplayName("remembers at most its capacity, evicting the least recently seen")
    void bounded() {
        SeenIds seen = new SeenIds(3);
        seen.add("a");
        seen.add("b");
        seen.add("c");
        assertThat(seen.contains("a")).isTrue(); // touch a: b is now the eldest
        seen.add("d");
        assertThat(seen.size()).isEqualTo(3);
        assertThat(seen.contains("b")).isFalse();
        assertThat(seen.contains("a")).isTrue();
        assertThat(seen.contains("d")).isTrue();
    }

    @Test
    @DisplayName("the most recently seen ids come out oldest first, so adding them back in order restores their recency")
    void mostRecent() {
        SeenIds seen = new SeenIds(10);
        for (String id : new String[] {"a", "b", "c", "d"}) {
            seen.add(id);
        }
        seen.contains("a"); // a is now the most recent
        assertThat(seen.mostRecent(3)).containsExactly("c", "d", "a");
        assertThat(seen.mostRecent(10)).containsExactly("b", "c", "d", "a");

        SeenIds restored = new SeenIds(3);
        seen.mostRecent(3).forEach(restored::add);
        restored.add("e"); // evicts the eldest restored id
        assertThat(restored.contains("c")).isFalse();
        assertThat(restored.contains("a")).isTrue();
    }
}
