package io.newswatch.app.importer;

import io.newswatch.core.StableHash;

/**
 * The ids an import has written, to write each once: 64-bit hashes in an open-addressing table of
 * primitive longs, 16 bytes an id at most, so ten million ids fit in 160 MB where a set of strings would
 * need a gigabyte. Two different ids with the same 64-bit hash would count as one (about one chance in
 * 10^7 for ten million ids); the ids are themselves 128-bit hashes, so this is the weaker link but a very
 * small one.
 */
final class IdSet {

    private static final long EMPTY = 0;
    private long[] table = new long[1 << 16];
    private int size;
    private boolean hasZero;

    /** True if the id was not in the set (and now is). */
    boolean add(String id) {
        long h = StableHash.of(id);
        if (h == EMPTY) {
            boolean added = !hasZero;
            hasZero = true;
            return added;
        }
        if (size * 2 >= table.length) {
            grow();
        }
        return insert(table, h);
    }

    private boolean insert(long[] t, long h) {
        int mask = t.length - 1;
        int i = (int) (h ^ (h >>> 32)) & mask;
        while (t[i] != EMPTY) {
            if (t[i] == h) {
                return false;
            }
            i = (i + 1) & mask;
        }
        t[i] = h;
        if (t == table) {
            size++;
        }
        return true;
    }

    private void grow() {
        long[] bigger = new long[table.length * 2];
        for (long h : table) {
            if (h != EMPTY) {
                int mask = bigger.length - 1;
                int i = (int) (h ^ (h >>> 32)) & mask;
                while (bigger[i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                bigger[i] = h;
            }
        }
        table = bigger;
    }

    int size() {
        return size + (hasZero ? 1 : 0);
    }
}
