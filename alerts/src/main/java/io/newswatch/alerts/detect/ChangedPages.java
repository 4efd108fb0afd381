package io.newswatch.alerts.detect;

import java.util.Set;
import java.util.TreeSet;

/**
 * Which pages of a {@link StreamVolume} (see {@link VolumePages}) and whether its meta entry changed since they were last
 * written: the detector puts the volume after almost every record of a replay, and writing only what changed makes a put
 * cost a page or two instead of the whole volume (tens of kilobytes).
 *
 * <p>A volume that is never stored (in-memory detection: backtests, {@code watch test}) is cleared by its owner as it goes
 * ({@link InMemoryDetection}), so that the set does not grow with the event time it covers.
 */
public final class ChangedPages {

    private final Set<Long> pages = new TreeSet<>();
    private boolean meta;

    /** The page holding this slot changed. */
    void slot(long slot) {
        pages.add(VolumePages.pageOf(slot));
    }

    /** The retention, first slot, final slot or the tracked baseline memories changed. */
    void meta() {
        meta = true;
    }

    /** Marks every page the volume holds and its meta entry: the whole volume must be written (a change of form). */
    public void everything(StreamVolume v) {
        pages.addAll(VolumePages.pagesOf(v));
        meta = true;
    }

    public boolean isEmpty() {
        return pages.isEmpty() && !meta;
    }

    /** Indexes of the pages that changed, in order; some may be empty now (pruned), to be deleted. */
    public Set<Long> pages() {
        return pages;
    }

    public boolean metaChanged() {
        return meta;
    }

    /** Everything changed has been written. */
    public void clear() {
        pages.clear();
        meta = false;
    }
}
