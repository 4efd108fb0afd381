package io.newswatch.ingest.schedule;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls a changing set of feeds, each on its own schedule: one scheduler thread decides when, each poll runs on a
 * virtual thread (fetches mostly wait on the network), and the polls of one feed never overlap (the next is
 * scheduled only when one ends). Feeds come and go while it runs ({@link #start}, {@link #stop}): that is how
 * ingest instances hand feeds to each other. After each poll the {@link AfterPoll} hook sees the feed and its next
 * wait, which is where its state gets saved.
 *
 * <p>A feed's next poll is due one interval after its previous poll was <em>due</em>, not after it ended: the time a
 * poll takes (a slow server, a wait for a connection slot or a parser) does not push every later poll back, so the
 * gap between two polls of a feed stays the interval, and each feed keeps the phase its first poll gave it (spread by
 * {@link FirstPoll}), instead of all feeds drifting into step. A poll that ends after its next one was due is followed
 * at once.
 */
public final class FeedScheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FeedScheduler.class);

    /** Called on the poll's thread after each poll of a feed, with the wait before its next poll. */
    @FunctionalInterface
    public interface AfterPoll {
        void polled(FeedState feed, Duration next);
    }

    /** One feed being polled: its state, its next scheduled poll and the poll in flight, if any. */
    private static final class Running {
        final FeedState feed;
        /** When the next (or current) poll is due, {@link System#nanoTime} based. */
        long dueAt;
        ScheduledFuture<?> next;
        Future<?> inFlight;
        boolean stopped;

        Running(FeedState feed) {
            this.feed = feed;
        }
    }

    private final FeedPoller poller;
    private final Duration afterBug;
    private final AfterPoll afterPoll;
    private final Map<String, Running> running = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler;
    private final ExecutorService polls;
    private volatile boolean closed;

    /**
     * @param afterBug  the wait after a poll that threw (a bug, not a feed problem)
     * @param afterPoll what to do after each poll
     */
    public FeedScheduler(FeedPoller poller, Duration afterBug, AfterPoll afterPoll) {
        this.poller = poller;
        this.afterBug = afterBug;
        this.afterPoll = afterPoll;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ingest-scheduler");
            t.setDaemon(true);
            return t;
        });
        this.polls = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("ingest-poll-", 0).factory());
    }

    /** Starts polling the feed after {@code firstDelay}; a feed already polled under the same location is left alone. */
    public void start(FeedState feed, Duration firstDelay) {
        if (closed) {
            return;
        }
        Running r = new Running(feed);
        if (running.putIfAbsent(feed.source().location(), r) == null) {
            schedule(r, firstDelay);
        }
    }

    /**
     * Stops polling the feed: no further poll starts, and a poll in flight is given {@code grace} to finish (its
     * articles acknowledged and its {@link AfterPoll} run) before it is interrupted. Returns the feed's state, or
     * null when it was not polled here.
     */
    public FeedState stop(String location, Duration grace) {
        List<FeedState> stopped = stop(List.of(location), grace);
        return stopped.isEmpty() ? null : stopped.get(0);
    }

    /** As {@link #stop(String, Duration)} for several feeds, with one {@code grace} for all; returns the states of those polled here. */
    public List<FeedState> stop(Collection<String> locations, Duration grace) {
        List<Running> stopping = new ArrayList<>();
        List<Future<?>> inFlight = new ArrayList<>();
        for (String location : locations) {
            Running r = running.remove(location);
            if (r == null) {
                continue;
            }
            stopping.add(r);
            synchronized (r) {
                r.stopped = true;
                if (r.next != null) {
                    r.next.cancel(false);
                }
                inFlight.add(r.inFlight);
            }
        }
        long deadline = System.nanoTime() + grace.toNanos();
        for (int i = 0; i < stopping.size(); i++) {
            if (inFlight.get(i) != null) {
                await(inFlight.get(i), Duration.ofNanos(Math.max(0, deadline - System.nanoTime())), stopping.get(i).feed, grace);
            }
        }
        return stopping.stream().map(r -> r.feed).toList();
    }

    private static void await(Future<?> poll, Duration left, FeedState feed, Duration grace) {
        try {
            poll.get(left.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            poll.cancel(true);
            LOG.warn("feed {}: poll did not end within {} s of being stopped; interrupted (its unacknowledged articles are sent again"
                    + " by the next owner)", feed.source().displayName(), grace.toSeconds());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | CancellationException e) {
            // the poll's own failure was logged where it happened
        }
    }

    /** The feeds polled now. */
    public Collection<FeedState> feeds() {
        List<FeedState> out = new ArrayList<>(running.size());
        running.values().forEach(r -> out.add(r.feed));
        return out;
    }

    /** The locations of the feeds polled now. */
    public Collection<String> locations() {
        return List.copyOf(running.keySet());
    }

    private void schedule(Running r, Duration delay) {
        synchronized (r) {
            if (r.stopped || closed) {
                return;
            }
            long delayNanos = Math.max(0, delay.toNanos());
            r.dueAt = System.nanoTime() + delayNanos;
            try {
                r.next = scheduler.schedule(() -> submit(r), delayNanos, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                // closing: the feed is not rescheduled, which is the point
            }
        }
    }

    private void submit(Running r) {
        synchronized (r) {
            if (r.stopped || closed) {
                return;
            }
            try {
                r.inFlight = polls.submit(() -> pollOnce(r));
            } catch (RejectedExecutionException e) {
                // closing
            }
        }
    }

    private void pollOnce(Running r) {
        Duration interval;
        try {
            interval = poller.poll(r.feed);
        } catch (RuntimeException e) { // a bug, not a feed problem: keep the feed alive, say so loudly
            LOG.error("feed {}: unexpected failure, will retry", r.feed.source().displayName(), e);
            interval = afterBug;
        }
        Duration next = Duration.ofNanos(Math.max(0, r.dueAt + interval.toNanos() - System.nanoTime()));
        try {
            afterPoll.polled(r.feed, next);
        } catch (RuntimeException e) {
            LOG.error("feed {}: could not record the poll's outcome", r.feed.source().displayName(), e);
        }
        schedule(r, next);
    }

    /**
     * Polls the given feeds once, now, and waits for all of them: for tests and one-shot runs. Not for feeds started
     * here (a feed could then be polled twice at once).
     */
    public void pollNow(Collection<FeedState> feeds) {
        List<Future<?>> all = new ArrayList<>();
        for (FeedState feed : feeds) {
            all.add(polls.submit(() -> afterPoll.polled(feed, poller.poll(feed))));
        }
        for (Future<?> f : all) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException e) {
                LOG.error("unexpected failure while polling", e.getCause());
            }
        }
    }

    /** The state of the feed polled here under {@code location}, or null. */
    public FeedState feed(String location) {
        Running r = running.get(location);
        return r == null ? null : r.feed;
    }

    /** Stops every feed: polls in flight get {@code grace} to finish, then are interrupted. */
    public void stopAll(Duration grace) {
        stop(locations(), grace);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        scheduler.shutdownNow();
        polls.shutdown();
        try {
            if (!polls.awaitTermination(5, TimeUnit.SECONDS)) {
                polls.shutdownNow();
                if (!polls.awaitTermination(5, TimeUnit.SECONDS)) {
                    LOG.warn("ingest: some polls did not stop in time");
                }
            }
        } catch (InterruptedException e) {
            polls.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
