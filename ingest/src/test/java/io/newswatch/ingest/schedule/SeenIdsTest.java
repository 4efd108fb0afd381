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
}
