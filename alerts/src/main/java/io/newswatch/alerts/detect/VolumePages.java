package io.newswatch.alerts.detect;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The stream volume's bytes in its state store, in pages: one entry per page of {@link #SLOTS_PER_PAGE} slots, holding
 * that page's counts and decayed totals, plus one small meta entry (retention, first slot, final slot, the tracked
 * baseline memories). The detector puts the volume after almost every record of a replay; with pages a put costs the
 * page or two that changed ({@link ChangedPages}), not every retained slot.
 *
 * <p>Entries carry absolute slot indexes, so a volume is read back from any set of pages whatever their size; the meta
 * entry says which page size wrote them, so that a change of size can rewrite them all. Doubles are written as their exact
 * bits: a restored detector must judge exactly as an uninterrupted one (event time is a contract).
 */
public final class VolumePages {

    /**
     * Slots per page: an hour, a few hundred bytes. Tried on the replay benchmark (docs/BENCHMARKS.md): pages of a day
     * (288 slots, several kilobytes each) wrote fewer changelog records in a replay (344 against about 6,800 per 200,000
     * articles: a replay's event time crosses many hours per commit) but each put costs more (alerts thread 36 against 32
     * us per article, one run each); live, a commit writes one page either way, and an hour's is the smaller. Smaller pages
     * would only add store entries.
     */
    public static final int SLOTS_PER_PAGE = 12;
    /** First byte of every meta and page entry: its format. */
    static final byte FORMAT = 1;
    private static final long NONE = Long.MIN_VALUE;

    private VolumePages() {
    }

    public static long pageOf(long slot) {
        return Math.floorDiv(slot, SLOTS_PER_PAGE);
    }

    /** Every page that holds a count or a decayed total of the volume. */
    public static TreeSet<Long> pagesOf(StreamVolume v) {
        TreeSet<Long> pages = new TreeSet<>();
        v.counts.keySet().forEach(slot -> pages.add(pageOf(slot)));
        v.decayedTotals.values().forEach(series -> series.keySet().forEach(slot -> pages.add(pageOf(slot))));
        return pages;
    }

    public static byte[] meta(StreamVolume v) {
        ByteBuffer b = ByteBuffer.allocate(1 + 4 + 8 * 3 + 4 + 8 * v.decayedTotals.size());
        b.put(FORMAT).putInt(SLOTS_PER_PAGE).putLong(v.retentionMs).putLong(v.firstSlot == null ? NONE : v.firstSlot)
                .putLong(v.finalThrough == null ? NONE : v.finalThrough);
        b.putInt(v.decayedTotals.size());
        v.decayedTotals.keySet().forEach(b::putLong);
        return b.array();
    }

    /** The page size that wrote this meta entry. */
    public static int slotsPerPage(byte[] meta) {
        ByteBuffer b = ByteBuffer.wrap(meta);
        checkFormat(b.get(), "meta");
        return b.getInt();
    }

    /** This page's counts and decayed totals, or null when it holds none (pruned): its entry is to be deleted. */
    public static byte[] page(StreamVolume v, long page) {
        long from = page * SLOTS_PER_PAGE;
        long to = from + SLOTS_PER_PAGE;
        // Written in one pass into room for a full page, then trimmed: counting a sub-map's entries walks them too.
        ByteBuffer b = ByteBuffer.allocate(1 + 4 + 16 * SLOTS_PER_PAGE + 4 + v.decayedTotals.size() * (8 + 4 + 16 * SLOTS_PER_PAGE));
        b.put(FORMAT);
        int entries = putCounts(b, v.counts.subMap(from, to));
        b.putInt(v.decayedTotals.size());
        for (Map.Entry<Long, TreeMap<Long, Double>> e : v.decayedTotals.entrySet()) {
            b.putLong(e.getKey());
            entries += putTotals(b, e.getValue().subMap(from, to));
        }
        return entries == 0 ? null : Arrays.copyOf(b.array(), b.position());
    }

    /** Writes the number of slots, then each slot and its count; returns the number. */
    private static int putCounts(ByteBuffer b, SortedMap<Long, Long> counts) {
        int sizeAt = b.position();
        b.putInt(0);
        counts.forEach((slot, n) -> b.putLong(slot).putLong(n));
        b.putInt(sizeAt, (b.position() - sizeAt - 4) / 16);
        return b.getInt(sizeAt);
    }

    /** Writes the number of slots, then each slot and its decayed total's exact bits; returns the number. */
    private static int putTotals(ByteBuffer b, SortedMap<Long, Double> totals) {
        int sizeAt = b.position();
        b.putInt(0);
        totals.forEach((slot, g) -> b.putLong(slot).putDouble(g));
        b.putInt(sizeAt, (b.position() - sizeAt - 4) / 16);
        return b.getInt(sizeAt);
    }

    /** The volume written as this meta entry and these pages (in any order). */
    public static StreamVolume read(byte[] meta, Iterable<byte[]> pages) {
        ByteBuffer m = ByteBuffer.wrap(meta);
        checkFormat(m.get(), "meta");
        m.getInt(); // page size: pages carry absolute slots
        StreamVolume v = new StreamVolume();
        v.retentionMs = m.getLong();
        long first = m.getLong();
        long last = m.getLong();
        v.firstSlot = first == NONE ? null : first;
        v.finalThrough = last == NONE ? null : last;
        for (int t = m.getInt(); t > 0; t--) {
            v.decayedTotals.put(m.getLong(), new TreeMap<>());
        }
        for (byte[] page : pages) {
            ByteBuffer b = ByteBuffer.wrap(page);
            checkFormat(b.get(), "page");
            for (int i = b.getInt(); i > 0; i--) {
                v.counts.put(b.getLong(), b.getLong());
            }
            for (int t = b.getInt(); t > 0; t--) {
                long tau = b.getLong();
                TreeMap<Long, Double> series = v.decayedTotals.get(tau);
                if (series == null) {
                    throw new IllegalArgumentException("stream volume page: baseline memory " + tau + " ms is not in the meta entry");
                }
                for (int i = b.getInt(); i > 0; i--) {
                    series.put(b.getLong(), b.getDouble());
                }
            }
        }
        return v;
    }

    private static void checkFormat(byte format, String entry) {
        if (format != FORMAT) {
            throw new IllegalArgumentException("stream volume " + entry + " entry: unknown format " + format
                    + " (a newer version wrote it?)");
        }
    }
}
