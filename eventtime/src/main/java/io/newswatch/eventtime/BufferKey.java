package io.newswatch.eventtime;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Bytes;

/**
 * Keys of the merge buffer, ordered as records are released: event time, then record key, then a hash of
 * the value (two different records with the same time and key keep a fixed order; two identical ones
 * collapse). Stores compare keys as unsigned bytes, so the time is written big-endian with its sign bit
 * flipped, and the record key is ended by a NUL byte so that "ab" sorts before "abc".
 */
final class BufferKey {

    private BufferKey() {
    }

    static Bytes of(long timeMs, String key, byte[] value) {
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        return Bytes.wrap(ByteBuffer.allocate(8 + k.length + 1 + 8)
                .putLong(timeMs ^ Long.MIN_VALUE).put(k).put((byte) 0).putLong(hash(value)).array());
    }

    /** The smallest key with time {@code timeMs}: every key of an earlier time sorts below it. */
    static Bytes timeFloor(long timeMs) {
        return Bytes.wrap(ByteBuffer.allocate(8).putLong(timeMs ^ Long.MIN_VALUE).array());
    }

    static long timeOf(Bytes key) {
        return ByteBuffer.wrap(key.get()).getLong() ^ Long.MIN_VALUE;
    }

    static String recordKeyOf(Bytes key) {
        byte[] b = key.get();
        return new String(b, 8, b.length - 8 - 1 - 8, StandardCharsets.UTF_8);
    }

    /** FNV-1a, 64 bits: stable across JVMs and runs, which {@code Arrays.hashCode} is too but with 32 bits only. */
    static long hash(byte[] value) {
        if (value == null) {
            return 0;
        }
        long h = 0xcbf29ce484222325L;
        for (byte b : value) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
