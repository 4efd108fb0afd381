package io.newswatch.eventtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BufferKeyTest {

    private static byte[] v(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("keys sort by time (negative times too), then by record key with shorter keys first, as unsigned bytes")
    void sortsByTimeThenKey() {
        assertThat(BufferKey.of(-5, "z", v("x"))).isLessThan(BufferKey.of(3, "a", v("x")));
        assertThat(BufferKey.of(3, "a", v("x"))).isLessThan(BufferKey.of(4, "a", v("x")));
        assertThat(BufferKey.of(3, "ab", v("x"))).isLessThan(BufferKey.of(3, "abc", v("x")));
        assertThat(BufferKey.of(3, "zz", v("x"))).isLessThan(BufferKey.timeFloor(4));
        assertThat(BufferKey.timeFloor(3)).isLessThan(BufferKey.of(3, "", v("x")));
    }

    @Test
    @DisplayName("time and record key are read back from the key")
    void readsBack() {
        var k = BufferKey.of(1_700_000_000_000L, "article-ü", v("x"));
        assertThat(BufferKey.timeOf(k)).isEqualTo(1_700_000_000_000L);
        assertThat(BufferKey.recordKeyOf(k)).isEqualTo("article-ü");
    }
}
