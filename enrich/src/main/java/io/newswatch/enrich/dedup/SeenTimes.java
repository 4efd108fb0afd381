package io.newswatch.enrich.dedup;

/**
 * Last-seen event times by 64-bit key hash, in memory: an open-addressing hash table of primitive longs (linear
 * probing, backward-shift deletion), 16 bytes a key at a load of at most one half. Dedup keys are long strings (links);
 * as a map of strings to boxed times the keys of a busy week (millions) would take hundreds of megabytes of heap, as
 * hashes about 64 MB. Two different keys share a hash with a probability of about n^2 / 2^65 (one in ten million for
 * two million keys); the later article would then be taken for a duplicate.
 */
final class SeenTimes {

    /** Marks a free slot; a key hash of 0 is stored as {@link #ZERO_STANDIN}. */
    private static final long FREE = 0;
    private static final long ZERO_STANDIN = 0x9e3779b97f4a7c15L;

    private long[] keys = new long[1 << 10];
    private long[] times = new long[1 << 10];
    private int size;

    /** The time stored for {@code hash}, or {@code Long.MIN_VALUE} when there is none. */
    long get(long hash) {
        long k = hash == FREE ? ZERO_STANDIN : hash;
        int mask = keys.length - 1;
        for (int i = slot(k, mask); ; i = (i + 1) & mask) {
            if (keys[i] == k) {
                return times[i];
            }
            if (keys[i] == FREE) {
                return Long.MIN_VALUE;
            }
        }
    }

    void put(long hash, long time) {
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        long k = hash == FREE ? ZERO_STANDIN : hash;
        int mask = keys.length - 1;
        int i = slot(k, mask);
        while (keys[i] != FREE && keys[i] != k) {
            i = (i + 1) & mask;
        }
        if (keys[i] == FREE) {
            keys[i] = k;
            size++;
        }
        times[i] = time;
    }

    /** Removes {@code hash} when its time is before {@code cutoff} (a later sighting keeps it). */
    void removeIfBefore(long hash, long cutoff) {
        long k = hash == FREE ? ZERO_STANDIN : hash;
        int mask = keys.length - 1;
        int i = slot(k, mask);
        while (keys[i] != k) {
            if (keys[i] == FREE) {
                return;
            }
            i = (i + 1) & mask;
        }
        if (times[i] >= cutoff) {
            return;
        }
        // Backward-shift deletion: move later members of the probe run into the gap, so look-ups need no tombstones.
        int gap = i;
        for (int j = (gap + 1) & mask; keys[j] != FREE; j = (j + 1) & mask) {
            int home = slot(keys[j], mask);
            if (((j - home) & mask) >= ((j - gap) & mask)) {
                keys[gap] = keys[j];
                times[gap] = times[j];
                gap = j;
            }
        }
        keys[gap] = FREE;
        size--;
    }

    int size() {
        return size;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldTimes = times;
        keys = new long[oldKeys.length * 2];
        times = new long[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != FREE) {
                put(oldKeys[i], oldTimes[i]);
            }
        }
    }

    /** The hashes are already well mixed (SplitMix64 finaliser), so their low bits pick the slot. */
    private static int slot(long k, int mask) {
        return (int) k & mask;
    }
}
