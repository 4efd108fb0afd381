package io.newswatch.ingest.normalize;

import java.util.Arrays;

/**
 * The row of each n-gram (1 to 3 characters) of the language model, keyed by the n-gram's characters packed into a long:
 * an open-addressing table of primitives. Looking up an n-gram of a text then needs no substring, no {@code String.equals}
 * and no boxed row number, and touches two arrays instead of a hash map's node, key string and boxed value.
 */
final class GramTable {

    private static final int NO_ROW = -1;

    private final long[] keys;
    private final int[] rows;
    private final int mask;

    GramTable(int expectedGrams) {
        int capacity = Integer.highestOneBit(Math.max(4, expectedGrams * 2) - 1) << 1; // at most half full
        keys = new long[capacity];
        rows = new int[capacity];
        Arrays.fill(rows, NO_ROW);
        mask = capacity - 1;
    }

    /** The key of the {@code length} characters of {@code text} from {@code start}: 16 bits a character, then the length. */
    static long key(CharSequence text, int start, int length) {
        long key = length;
        for (int i = 0; i < length; i++) {
            key = key << 16 | text.charAt(start + i);
        }
        return key;
    }

    void put(long key, int row) {
        int slot = slot(key);
        while (rows[slot] != NO_ROW && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        keys[slot] = key;
        rows[slot] = row;
    }

    /** The row of the n-gram with this key, or -1 when the model does not know it. */
    int row(long key) {
        for (int slot = slot(key); rows[slot] != NO_ROW; slot = (slot + 1) & mask) {
            if (keys[slot] == key) {
                return rows[slot];
            }
        }
        return NO_ROW;
    }

    private int slot(long key) {
        // The bits of short n-grams are few and alike (letters differ in their low bits): mix them before masking.
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
