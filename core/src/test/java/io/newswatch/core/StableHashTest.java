package io.newswatch.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StableHashTest {

    @Test
    @DisplayName("values never change, since stories and detector id sets keep them in state stores")
    void pinned() {
        assertThat(StableHash.of("")).isEqualTo(0xf52a15e9a9b5e89bL);
        assertThat(StableHash.of("a")).isEqualTo(0x2c0bdbf481420f8L);
        assertThat(StableHash.of("article-1")).isEqualTo(0x3d5358efd56a513bL);
        assertThat(StableHash.of("Zürich")).as("hashed as UTF-8").isEqualTo(0xc65e9341af283a5dL);
    }

    @Test
    @DisplayName("short strings that differ in one character spread over the high bits too")
    void highBitsMixed() {
        Set<Long> topBytes = new HashSet<>();
        for (char c = 'a'; c <= 'z'; c++) {
            topBytes.add(StableHash.of(String.valueOf(c)) >>> 56);
        }
        // 26 one-letter strings; plain FNV-1a would give them nearly the same top byte.
        assertThat(topBytes).hasSizeGreaterThan(20);
    }
}
