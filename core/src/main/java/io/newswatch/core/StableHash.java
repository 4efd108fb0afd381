package io.newswatch.core;

import java.nio.charset.StandardCharsets;

/**
 * A 64-bit hash of a string that is the same on every JVM and in every release: FNV-1a over the UTF-8
 * bytes, then the SplitMix64 finaliser, because FNV alone leaves the high bits of short strings poorly
 * mixed and our users need every bit to be a fair coin (SimHash fingerprints in enrich, id sets in the
 * alerts detector).
 *
 * <p>Both keep these hashes in state stores and on changelog topics, so the function must never change:
 * a different hash would silently split stories and recount articles after an upgrade.
 * {@code StableHashTest} pins its values.
 */
public final class StableHash {

    private static final long FNV_OFFSET_BASIS = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private StableHash() {
    }

    public static long of(String text) {
        long h = FNV_OFFSET_BASIS;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= FNV_PRIME;
        }
        h ^= h >>> 30;
        h *= 0xbf58476d1ce4e5b9L;
        h ^= h >>> 27;
        h *= 0x94d049bb133111ebL;
        h ^= h >>> 31;
        return h;
    }
}
