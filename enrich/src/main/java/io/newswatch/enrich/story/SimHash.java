package io.newswatch.enrich.story;

import io.newswatch.core.StableHash;
import java.util.Collection;

/**
 * Charikar's SimHash: a 64-bit fingerprint where similar feature sets give fingerprints that differ in few
 * bits. Each feature is hashed to 64 bits; each bit position sums +1 or -1 over all features; the sign of
 * the sum is the fingerprint bit. Changing a few features out of many flips few bits.
 */
public final class SimHash {

    private SimHash() {
    }

    public static long of(Collection<String> features) {
        int[] weights = new int[64];
        for (String feature : features) {
            // A stable hash, since fingerprints are kept in the story store across restarts and upgrades.
            long h = StableHash.of(feature);
            for (int bit = 0; bit < 64; bit++) {
                weights[bit] += ((h >>> bit) & 1L) == 1L ? 1 : -1;
            }
        }
        long fingerprint = 0L;
        for (int bit = 0; bit < 64; bit++) {
            if (weights[bit] > 0) {
                fingerprint |= 1L << bit;
            }
        }
        return fingerprint;
    }

    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }
}
