package io.newswatch.enrich.story;

import java.nio.charset.StandardCharsets;
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
            long h = hash64(feature);
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

    /**
     * FNV-1a over UTF-8 bytes, then the SplitMix64 finaliser: FNV alone leaves the high bits of short
     * strings poorly mixed, and SimHash needs every bit to be a fair coin.
     */
    static long hash64(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 30;
        h *= 0xbf58476d1ce4e5b9L;
        h ^= h >>> 27;
        h *= 0x94d049bb133111ebL;
        h ^= h >>> 31;
        return h;
    }
}
