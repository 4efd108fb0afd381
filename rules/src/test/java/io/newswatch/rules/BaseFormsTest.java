package io.newswatch.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("BaseForms: the shared table of words and their base forms")
class BaseFormsTest {

    private static char[] chars(String s) {
        return s.toCharArray();
    }

    @Test
    @DisplayName("gives back what was put, by the word's characters within a longer buffer, and null for other words")
    void looksUpByCharacters() {
        BaseForms table = new BaseForms(16);
        table.put(chars("rebels"), chars("rebel"));
        table.put(chars("rebel"), BaseForms.SAME);
        char[] buffer = "rebelsXYZ".toCharArray();
        assertThat(table.get(buffer, 6)).containsExactly('r', 'e', 'b', 'e', 'l');
        assertThat(table.get(buffer, 5)).isSameAs(BaseForms.SAME);
        assertThat(table.get(buffer, 4)).isNull();
        assertThat(table.get(chars("fled"), 4)).isNull();
    }

    @Test
    @DisplayName("stops taking words at half full, and still answers for those it has")
    void stopsWhenFull() {
        BaseForms table = new BaseForms(16);
        for (int i = 0; i < 40; i++) {
            table.put(chars("w" + i), BaseForms.SAME);
        }
        assertThat(table.size()).isEqualTo(8);
        assertThat(table.get(chars("w0"), 2)).isSameAs(BaseForms.SAME);
        assertThat(table.get(chars("w39"), 3)).isNull();
    }

    @Test
    @DisplayName("threads putting the same and different words at once leave each word once, with its own base form")
    void concurrentPuts() throws Exception {
        BaseForms table = new BaseForms(1 << 12);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        table.put(chars("word" + i), chars("base" + i));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(table.size()).isEqualTo(2_000);
        for (int i = 0; i < 2_000; i++) {
            char[] w = chars("word" + i);
            assertThat(new String(table.get(w, w.length))).isEqualTo("base" + i);
        }
    }
}
