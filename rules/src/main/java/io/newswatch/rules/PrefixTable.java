package io.newswatch.rules;

import java.util.Map;

/**
 * The rules triggered by each trigger prefix, looked up by a prefix of a word given as the word, a length and the
 * prefix's {@link String#hashCode()}, so that trying every prefix of a word makes no string: a caller computes the
 * hashes of a word's prefixes in one pass ({@code h = 31 * h + c}) and asks once per length.
 *
 * <p>Why not a memo of every word's triggered rules: such a memo holds the vocabulary of the news, far larger than the
 * processor's caches, and a look-up in it was mostly waiting for memory (about a fifteenth of both stream threads' time
 * in a replay). This table holds only the trigger prefixes (a few hundred), and the term table beside it only the
 * trigger terms: both stay in cache.
 */
final class PrefixTable {

    private final int[] hashes;
    private final String[] keys;
    private final int[][] rules;
    private final int mask;

    PrefixTable(Map<String, int[]> rulesByPrefix) {
        int capacity = Integer.highestOneBit(Math.max(4, rulesByPrefix.size() * 4) - 1) << 1; // at most a quarter full
        this.hashes = new int[capacity];
        this.keys = new String[capacity];
        this.rules = new int[capacity][];
        this.mask = capacity - 1;
        rulesByPrefix.forEach((prefix, triggered) -> {
            int i = spread(prefix.hashCode()) & mask;
            while (keys[i] != null) {
                i = (i + 1) & mask;
            }
            hashes[i] = prefix.hashCode();
            keys[i] = prefix;
            rules[i] = triggered;
        });
    }

    /** The rules triggered by the prefix {@code word[0, length)} whose string hash is {@code hash}, or null. */
    int[] get(String word, int length, int hash) {
        for (int i = spread(hash) & mask; keys[i] != null; i = (i + 1) & mask) {
            if (hashes[i] == hash && keys[i].length() == length && word.startsWith(keys[i])) {
                return rules[i];
            }
        }
        return null;
    }

    private static int spread(int h) {
        int x = h * 0x9E3779B9;
        return x ^ (x >>> 16);
    }
}
