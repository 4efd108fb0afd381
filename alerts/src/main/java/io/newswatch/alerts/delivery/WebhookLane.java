package io.newswatch.alerts.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deliveries to one webhook URL, in order, on their own thread with a bounded queue. A slow or dead
 * webhook fills only its own lane: the dispatcher never waits on it, and detection never sees it.
 */
final class WebhookLane {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookLane.class);

    /** One POST to make, and what to do when it is over. */
    record Delivery(byte[] body, Runnable onSuccess, Consumer<Failure> onFailure) {
    }

    /** Why a delivery was given up: shown in the dead-letter headers. */
    record Failure(String errorClass, String message) {
    }

    private final URI url;
    private final String redacted;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final int maxAttempts;
    private final Backoff backoff;
    private final BlockingQueue<Delivery> queue;
    private final Thread worker;
    private volatile boolean running = true;

    WebhookLane(URI url, HttpClient http, Duration requestTimeout, int maxAttempts, Backoff backoff, int capacity) {
        this.url = url;
        this.redacted = RedactedUrl.of(url);
        this.http = http;
        this.requestTimeout = requestTimeout;
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.worker = Thread.ofVirtual().name("newswatch-webhook " + redacted).start(this::run);
    }

    String redactedUrl() {
        return redacted;
    }

    /** False when the lane is full (the caller dead-letters the delivery at once). */
    boolean offer(Delivery d) {
        return running && queue.offer(d);
    }

    private void run() {
        while (running) {
            Delivery d;
            try {
                d = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            deliver(d);
        }
    }

    private void deliver(Delivery d) {
        Failure last = null;
        for (int attempt = 1; attempt <= maxAttempts && running; attempt++) {
            Optional<Duration> retryAfter = Optional.empty();
            try {
                HttpRequest request = HttpRequest.newBuilder(url)
                        .timeout(requestTimeout)
                        .header("Content-Type", "application/json")
                        .header("User-Agent", "newswatch-alerts")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(d.body()))
                        .build();
                HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    d.onSuccess().run();
                    return;
                }
                last = new Failure("HttpStatus", "webhook " + redacted + " answered HTTP " + status + " on attempt " + attempt);
                if (!retryable(status)) {
                    break;
                }
                retryAfter = response.headers().firstValue("Retry-After").flatMap(WebhookLane::seconds);
            } catch (HttpTimeoutException e) {
                last = new Failure(e.getClass().getName(), "webhook " + redacted + " timed out after " + requestTimeout
                        + " on attempt " + attempt);
            } catch (IOException e) {
                last = new Failure(e.getClass().getName(), "webhook " + redacted + " failed on attempt " + attempt + ": "
                        + e.getClass().getSimpleName());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return; // shutting down: not done, so its offset is not committed and it is delivered after restart
            }
            LOG.info("{}", last.message());
            if (attempt < maxAttempts) {
                Duration wait = backoff.delayAfter(attempt, ThreadLocalRandom.current());
                if (retryAfter.isPresent() && retryAfter.get().compareTo(wait) > 0) {
                    wait = retryAfter.get().compareTo(backoff.max()) > 0 ? backoff.max() : retryAfter.get();
                }
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        if (running && last != null) {
            d.onFailure().accept(last);
        }
    }

    /** Server errors, timeouts and rate limits may pass; other client errors will not. */
    static boolean retryable(int status) {
        return status >= 500 || status == 408 || status == 425 || status == 429;
    }

    private static Optional<Duration> seconds(String header) {
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim()))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    void close() {
        running = false;
        worker.interrupt();
    }

    boolean awaitStop(Duration timeout) throws InterruptedException {
        return worker.join(timeout);
    }
}
