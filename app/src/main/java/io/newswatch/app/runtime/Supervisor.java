package io.newswatch.app.runtime;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a long-running command alive until it is asked to stop (Ctrl-C, SIGTERM) or a part of it fails,
 * then closes what was started in reverse order. The shutdown hook waits for that close to finish, so
 * the broker and the Streams state stores are shut down cleanly before the JVM exits.
 */
public final class Supervisor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Supervisor.class);
    private static final long CLOSE_WAIT_SECONDS = 60;

    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Thread shutdownHook;
    private volatile String failure;

    public Supervisor(String name) {
        this.shutdownHook = new Thread(() -> {
            LOG.info("Stopping {} ...", name);
            stopRequested.countDown();
            try {
                closed.await(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "newswatch-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Registers something to close on the way out; closed in reverse order of registration. */
    public synchronized <T extends AutoCloseable> T manage(T resource) {
        started.push(resource);
        return resource;
    }

    /** Called by a part that cannot go on (a Streams client in ERROR, a dead producer): stops everything with exit code 1. */
    public void fail(String reason) {
        if (failure == null) {
            failure = reason;
        }
        LOG.error("Stopping: {}", reason);
        stopRequested.countDown();
    }

    public boolean stopRequested() {
        return stopRequested.getCount() == 0;
    }

    /** Blocks until stop or failure, closes everything, and returns 0 (stopped on request) or 1 (failed). */
    public int awaitStop() throws InterruptedException {
        stopRequested.await();
        close();
        return failure == null ? 0 : 1;
    }

    @Override
    public synchronized void close() {
        try {
            while (!started.isEmpty()) {
                AutoCloseable resource = started.pop();
                try {
                    resource.close();
                } catch (Exception e) {
                    LOG.warn("Closing {} failed: {}", resource, e.toString());
                }
            }
        } finally {
            // Whatever happened above, the shutdown hook must not wait for nothing.
            closed.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // The hook is running (Ctrl-C): it is waiting for the countDown above.
            }
        }
    }
}
