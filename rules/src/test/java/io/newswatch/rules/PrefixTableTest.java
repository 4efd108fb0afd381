package io.newswatch.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("PrefixTable: the rules of trigger prefixes, looked up by a word's prefix without making a string")
class PrefixTableTest {

    private static int[] lookUp(PrefixTable table, String word, int length) {
        return table.get(word, length, word.substring(0, length).hashCode());
    }

    @Test
    @DisplayName("finds a prefix of a longer word by its length and hash, and nothing for other lengths or words")
    void findsPrefixesOfWords() {
        PrefixTable table = new PrefixTable(Map.of("missil", new int[] {3}, "arm", new int[] {1, 2}));
        assertThat(lookUp(table, "missiles", 6)).containsExactly(3);
        assertThat(lookUp(table, "armour", 3)).containsExactly(1, 2);
        assertThat(lookUp(table, "armour", 4)).isNull();
        assertThat(lookUp(table, "missiles", 5)).isNull();
        assertThat(lookUp(table, "farm", 3)).isNull();
        assertThat(new PrefixTable(Map.of()).get("arm", 3, "arm".hashCode())).isNull();
    }

    @Test
    @DisplayName("tells apart prefixes whose string hashes collide (\"Aa\" and \"BB\"), and holds many prefixes")
    void collidingAndManyPrefixes() {
        Map<String, int[]> prefixes = new HashMap<>();
        prefixes.put("aa", new int[] {1});
        prefixes.put("bb", new int[] {2});
        prefixes.put("Aa", new int[] {3});
        prefixes.put("BB", new int[] {4});
        for (int i = 0; i < 500; i++) {
            prefixes.put("p" + i, new int[] {100 + i});
        }
        assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
        PrefixTable table = new PrefixTable(prefixes);
        assertThat(lookUp(table, "Aab", 2)).containsExactly(3);
        assertThat(lookUp(table, "BBc", 2)).containsExactly(4);
        for (int i = 0; i < 500; i++) {
            String word = "p" + i + "x";
            assertThat(lookUp(table, word, word.length() - 1)).containsExactly(100 + i);
        }
    }
}
