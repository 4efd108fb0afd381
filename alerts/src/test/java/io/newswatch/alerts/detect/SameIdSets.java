package io.newswatch.alerts.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Comparator;

/** Compares detector state field by field, id hash tables by the set they hold (their layout may differ after a round trip). */
final class SameIdSets {

    private static final Comparator<IdHashes> SAME_SET = (a, b) -> Arrays.equals(sorted(a), sorted(b)) ? 0 : 1;

    private SameIdSets() {
    }

    static void assertSameState(Object actual, Object expected) {
        assertThat(actual).usingRecursiveComparison().withComparatorForType(SAME_SET, IdHashes.class).isEqualTo(expected);
    }

    private static long[] sorted(IdHashes h) {
        long[] hashes = new long[h.size()];
        ByteBuffer.wrap(h.toBytes()).asLongBuffer().get(hashes);
        Arrays.sort(hashes);
        return hashes;
    }
}
