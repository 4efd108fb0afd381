package io.newswatch.alerts.detect;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.newswatch.core.StableHash;
import java.nio.ByteBuffer;

/**
 * A set of ids kept as 64-bit hashes, for "was this article (story) already counted in this bucket?".
 * The detector's state is written to the state store on every matching article, and a busy bucket
 * holds hundreds of ids: as one binary blob (base64 in JSON) that costs a copy, where a JSON array of
 * strings costs an object per id both ways. With 64-bit hashes a collision among the ids of one bucket
 * has a probability of about n^2 / 2^65 (1e-13 for 1,000 ids); it would undercount by one.
 */
public final class IdHashes {

    private long[] table;
    private int size;

    public IdHashes() {
        table = new long[16];
    }

    /** Adds an id; false when it was already there. */
    public boolean add(String id) {
        return insert(hash(id));
    }

    public boolean contains(String id) {
        return contains(hash(id));
    }

    /** Adds every hash of {@code other}. */
    public void addAll(IdHashes other) {
        for (long h : other.table) {
            if (h != 0) {
                insert(h);
            }
        }
    }

    public int size() {
        return size;
    }

    private boolean contains(long h) {
        int mask = table.length - 1;
        int i = (int) (h ^ (h >>> 32)) & mask;
        while (table[i] != 0) {
            if (table[i] == h) {
                return true;
            }
            i = (i + 1) & mask;
        }
        return false;
    }

    private boolean insert(long h) {
        if ((size + 1) * 2 > table.length) {
            grow();
        }
        int mask = table.length - 1;
        int i = (int) (h ^ (h >>> 32)) & mask;
        while (table[i] != 0) {
            if (table[i] == h) {
                return false;
            }
            i = (i + 1) & mask;
        }
        table[i] = h;
        size++;
        return true;
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        size = 0;
        for (long h : old) {
            if (h != 0) {
                insert(h);
            }
        }
    }

    /** {@link StableHash}, since these hashes are kept in the detector's state; never 0 (0 marks an empty slot). */
    static long hash(String id) {
        long h = StableHash.of(id);
        return h == 0 ? 1 : h;
    }

    @JsonValue
    byte[] toBytes() {
        ByteBuffer out = ByteBuffer.allocate(size * Long.BYTES);
        for (long h : table) {
            if (h != 0) {
                out.putLong(h);
            }
        }
        return out.array();
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static IdHashes fromBytes(byte[] bytes) {
        IdHashes s = new IdHashes();
        ByteBuffer in = ByteBuffer.wrap(bytes);
        while (in.remaining() >= Long.BYTES) {
            s.insert(in.getLong());
        }
        return s;
    }
}
