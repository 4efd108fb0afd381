package io.newswatch.alerts.topology;

import java.util.concurrent.atomic.AtomicLong;

/**
 * How many writes {@link WatchesStoreUpdater} has made to the global watches store, shared by the global thread that
 * makes them and the stream threads that read the store ({@link ActiveWatches}): a reader that sees the same count as at
 * its last read need not read the store again, which it would otherwise do per article.
 *
 * <p>It does not count everything: a restore of the store from the watches topic writes to the store without the
 * processor. {@link ActiveWatches} therefore also reads the store at a bounded interval, whatever the count.
 */
public final class WatchStoreWrites {

    private final AtomicLong count = new AtomicLong();

    /** Called after each write, so that a reader that sees the new count also sees what was written. */
    void written() {
        count.incrementAndGet();
    }

    long count() {
        return count.get();
    }
}
