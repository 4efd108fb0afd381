package io.newswatch.ingest.parse;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs {@link FeedParser} on a small fixed pool with a time limit, so parsing (the CPU-heavy step) never
 * takes more than its share of the cores, and a parse that runs too long is abandoned and reported
 * rather than holding a feed forever. Abandoning interrupts the worker, whose input then fails at its
 * next read ({@link DeadlineReader}).
 */
public final class BoundedFeedParser implements AutoCloseable {

    private final ThreadPoolExecutor pool;
    private final Duration timeout;

    public BoundedFeedParser(int threads, int queueCapacity, Duration timeout) {
        AtomicInteger count = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(queueCapacity), r -> {
            Thread t = new Thread(r, "feed-parser-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.timeout = timeout;
    }

    /** Parses on the pool; the caller waits at most the timeout (plus queueing). */
    public ParsedFeed parse(byte[] body, String httpCharset, String feedUrl) throws FeedParseException {
        Future<ParsedFeed> future;
        try {
            future = pool.submit(() -> FeedParser.parse(body, httpCharset, feedUrl, System.nanoTime() + timeout.toNanos()));
        } catch (RejectedExecutionException e) {
            throw new FeedParseException("parser busy: too many feeds waiting to be parsed, will retry");
        }
        try {
            // Queueing time is not the feed's fault: wait for the worker to pick it up, then the limit.
            return future.get(timeout.toMillis() * 2 + 1000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new FeedParseException("parse abandoned: took longer than " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new FeedParseException("parse interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof FeedParseException fpe) {
                throw fpe;
            }
            throw new FeedParseException("parser failed: " + e.getCause(), e.getCause());
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
