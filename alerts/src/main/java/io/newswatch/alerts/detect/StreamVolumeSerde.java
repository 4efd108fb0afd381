package io.newswatch.alerts.detect;

import io.newswatch.core.JsonSerde;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.TreeMap;

/**
 * The whole stream volume as one value: how the detector's state store held it before {@link VolumePages}, read when a
 * store written by such a version is upgraded (and rewritten as pages). A compact binary form, because the detector put the
 * volume after every step of event time, and a day or two of slots written as JSON (a map of longs, a map of doubles per
 * baseline memory) cost the alerts stream thread about a fifth of its time in a replay. Doubles are written as their exact
 * bits, so a restore gives back the very values (event time is a contract: a restored detector must judge as an
 * uninterrupted one). The writer stays for the tests that make such state.
 *
 * <p>Values written as JSON by earlier versions are still read (they start with '{'; the binary form with {@link #FORMAT}).
 */
public final class StreamVolumeSerde extends BinaryStateSerde<StreamVolume> {

    /** First byte of the binary form; not '{', so JSON written before it can be told apart. */
    static final byte FORMAT = 1;
    private static final long NONE = Long.MIN_VALUE;
    private static final JsonSerde<StreamVolume> LEGACY_JSON = JsonSerde.of(StreamVolume.class);

    public StreamVolumeSerde() {
        super(StreamVolumeSerde::write, StreamVolumeSerde::read, LEGACY_JSON);
    }

    static byte[] write(StreamVolume v) {
        int size = 1 + 8 * 3 + 4 + v.counts.size() * 16 + 4;
        for (TreeMap<Long, Double> series : v.decayedTotals.values()) {
            size += 8 + 4 + series.size() * 16;
        }
        ByteBuffer b = ByteBuffer.allocate(size);
        b.put(FORMAT).putLong(v.retentionMs).putLong(v.firstSlot == null ? NONE : v.firstSlot)
                .putLong(v.finalThrough == null ? NONE : v.finalThrough);
        b.putInt(v.counts.size());
        v.counts.forEach((slot, n) -> b.putLong(slot).putLong(n));
        b.putInt(v.decayedTotals.size());
        for (Map.Entry<Long, TreeMap<Long, Double>> e : v.decayedTotals.entrySet()) {
            b.putLong(e.getKey()).putInt(e.getValue().size());
            e.getValue().forEach((slot, g) -> b.putLong(slot).putDouble(g));
        }
        return b.array();
    }

    static StreamVolume read(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        byte format = b.get();
        if (format != FORMAT) {
            throw new IllegalArgumentException("stream volume state: unknown format " + format + " (a newer version wrote it?)");
        }
        StreamVolume v = new StreamVolume();
        v.retentionMs = b.getLong();
        long first = b.getLong();
        long last = b.getLong();
        v.firstSlot = first == NONE ? null : first;
        v.finalThrough = last == NONE ? null : last;
        for (int i = b.getInt(); i > 0; i--) {
            v.counts.put(b.getLong(), b.getLong());
        }
        for (int t = b.getInt(); t > 0; t--) {
            long tau = b.getLong();
            TreeMap<Long, Double> series = new TreeMap<>();
            for (int i = b.getInt(); i > 0; i--) {
                series.put(b.getLong(), b.getDouble());
            }
            v.decayedTotals.put(tau, series);
        }
        return v;
    }
}
