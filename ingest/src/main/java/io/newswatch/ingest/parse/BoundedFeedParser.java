package io.newswatch.ingest.parse;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs {@link FeedParser} on a small fixed pool with a time limit, so parsing (the CPU-heavy step) never
 * takes more than its share of the cores, and a parse that runs too long is abandoned and reported
 * rather than holding a feed forever. Abandoning interrupts the worker, whose input then fails at its
 * next read ({@link DeadlineReader}).
 */
public final class BoundedFeedParser implements AutoCloseable {

    /** {@code startedAt} before a worker picks the feed up (nanoTime can be any value, but not this one in practice). */
    private static final long NOT_STARTED = Long.MIN_VALUE;
    /** How long past its limit a parse may run before the caller gives up on it: the input fails at the limit itself. */
    private static final long ABANDON_GRACE = TimeUnit.MILLISECONDS.toNanos(500);

    private final ThreadPoolExecutor pool;
    private final Duration timeout;

    /** The parse itself: {@link FeedParser#parse}; another in tests. */
    @FunctionalInterface
    interface Parse {
        ParsedFeed parse(byte[] body, String httpCharset, String feedUrl, long deadlineNanos) throws FeedParseException;
    }

    private final Parse parse;

    public BoundedFeedParser(int threads, int queueCapacity, Duration timeout) {
        this(threads, queueCapacity, timeout, FeedParser::parse);
    }

    BoundedFeedParser(int threads, int queueCapacity, Duration timeout, Parse parse) {
        this.parse = parse;
        AtomicInteger count = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(queueCapacity), r -> {
            Thread t = new Thread(r, "feed-parser-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.timeout = timeout;
    }

    /**
     * Parses on the pool. The time limit counts from when a worker starts on this feed: time spent queued behind other
     * feeds is not this feed's fault (the queue is bounded, so that wait is too). A parse running past its limit is
     * abandoned: the parser's input fails at its deadline, and the caller stops waiting shortly after.
     */
    public ParsedFeed parse(byte[] body, String httpCharset, String feedUrl) throws FeedParseException {
        long limit = timeout.toNanos();
        AtomicLong startedAt = new AtomicLong(NOT_STARTED);
        Future<ParsedFeed> future;
        try {
            future = pool.submit(() -> {
                long now = System.nanoTime();
                startedAt.set(now);
                return parse.parse(body, httpCharset, feedUrl, now + limit);
            });
        } catch (RejectedExecutionException e) {
            throw new FeedParseException("parser busy: too many feeds waiting to be parsed, will retry");
        }
        try {
            while (true) {
                long started = startedAt.get();
                long wait = started == NOT_STARTED ? limit : started + limit + ABANDON_GRACE - System.nanoTime();
                try {
                    return future.get(Math.max(wait, 1), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    started = startedAt.get();
                    if (started != NOT_STARTED && System.nanoTime() - started >= limit + ABANDON_GRACE) {
                        future.cancel(true);
                        throw new FeedParseException("parse abandoned: took longer than " + timeout.toMillis() + " ms");
                    }
                }
            }
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new FeedParseException("parse interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof FeedParseException fpe) {
                throw fpe;
            }
            throw new FeedParseException("parser failed: " + e.getCause(), e.getCause());
        } catch (CancellationException e) {
            throw new FeedParseException("parse cancelled (shutting down)");
        }
    }

    @Override
    public void close() {
        // Queued parses never run now: cancel them, so that no caller waits for one to start.
        for (Runnable queued : pool.shutdownNow()) {
            if (queued instanceof Future<?> f) {
                f.cancel(false);
            }
        }
    }
}
