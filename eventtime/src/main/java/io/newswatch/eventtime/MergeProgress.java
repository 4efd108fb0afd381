package io.newswatch.eventtime;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What an {@link EventTimeMerge} has done, for whoever runs it in the same JVM (a replay's progress bar
 * and its end). Updated by the stream thread, read by others.
 */
public final class MergeProgress {

    private final AtomicLong buffered = new AtomicLong();
    private final AtomicLong released = new AtomicLong();
    private final AtomicLong late = new AtomicLong();
    private final AtomicLong eventTimeMs = new AtomicLong(Long.MIN_VALUE);
    private final AtomicBoolean drained = new AtomicBoolean();

    /** Records waiting for the watermark. */
    public long buffered() {
        return buffered.get();
    }

    /** Records forwarded in order so far (by this process). */
    public long released() {
        return released.get();
    }

    /** Records that arrived after their time had been released (marked late upstream, or after an idle flush). */
    public long late() {
        return late.get();
    }

    /** Event time up to which everything has been released, or {@code Long.MIN_VALUE} before anything. */
    public long eventTimeMs() {
        return eventTimeMs.get();
    }

    /** True when every upstream partition is idle and nothing is left in the buffer: the merge has nothing to do. */
    public boolean drained() {
        return drained.get();
    }

    void buffered(long n) {
        buffered.set(n);
    }

    void releasedOne() {
        released.incrementAndGet();
    }

    void lateOne() {
        late.incrementAndGet();
    }

    void eventTime(long ms) {
        eventTimeMs.set(ms);
    }

    void drained(boolean d) {
        drained.set(d);
    }
}
