package io.newswatch.ingest.fetch;

import io.newswatch.ingest.IngestSettings;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * Fetches feeds over HTTP(S) with the JDK {@link HttpClient}, politely and defensively:
 * <ul>
 *   <li>conditional GET ({@code If-None-Match}, {@code If-Modified-Since}); 304 means "not modified";</li>
 *   <li>{@code Accept-Encoding: gzip, deflate}, decompressed here;</li>
 *   <li>connect, read (no bytes for too long) and total timeouts; a watchdog interrupts the fetching
 *       thread when one passes, which aborts the exchange;</li>
 *   <li>a cap on the bytes received and another on the bytes after decompression, checked while
 *       streaming, so an oversized body or a gzip bomb is abandoned at the cap, not after;</li>
 *   <li>redirects followed by hand (the client's own policy cannot be counted), at most N, never from
 *       https down to http;</li>
 *   <li>429/503 {@code Retry-After} and {@code Cache-Control: max-age} reported to the scheduler;</li>
 *   <li>at most N fetches in flight per host, and at most {@value #MAX_IN_FLIGHT} in all; a fetch that finds no slot
 *       within the total timeout is {@link FetchResult.Deferred}, not failed; an honest {@code User-Agent};</li>
 *   <li>one client for every fetch, so connections are kept between polls (see {@link #KEEP_ALIVE}).</li>
 * </ul>
 * Thread-safe; meant to be called from many (virtual) threads at once.
 */
public final class HttpFeedFetcher implements FeedFetcher, AutoCloseable {

    private static final String ACCEPT = "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, "
            + "application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5";

    /**
     * Fetches in flight at once, over all hosts: bounds the sockets, buffers and bodies of a process whatever the number
     * of feeds due together. 30,000 feeds every 2 minutes need 250 fetches a second; at a second per fetch that is 250 in
     * flight.
     */
    static final int MAX_IN_FLIGHT = 512;
    /** Most bytes of an unwanted body (a 304's, a redirect's, an error page) read to keep its connection. */
    private static final int DISCARD_LIMIT = 64 * 1024;
    /**
     * Seconds an idle connection is kept ({@code jdk.httpclient.keepalive.timeout}, read once per JVM when the JDK's client
     * is first used; its default, 30 s, closes a feed's connection long before a 2-minute interval brings the next poll,
     * so every poll paid a new TCP and TLS handshake). Servers close idle connections on their own terms too, and the
     * client then drops them; one idle socket per host polled within this time is the cost. Set here unless given on
     * the command line; {@code Main} sets it before any client exists.
     */
    public static final String KEEP_ALIVE = "180";

    static {
        keepConnectionsBetweenPolls();
    }

    /** Keeps idle connections {@value #KEEP_ALIVE} s unless the JVM was told otherwise; effective before the first HttpClient. */
    public static void keepConnectionsBetweenPolls() {
        if (System.getProperty("jdk.httpclient.keepalive.timeout") == null) {
            System.setProperty("jdk.httpclient.keepalive.timeout", KEEP_ALIVE);
        }
    }

    private final IngestSettings settings;
    private final HttpClient client;
    private final HostLimiter hosts;
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT, true);
    private final ScheduledExecutorService watchdog;

    public HttpFeedFetcher(IngestSettings settings) {
        this.settings = settings;
        // HTTP/1.1: a feed is one document, multiplexing buys nothing, and h2c upgrade attempts on plain
        // http confuse some old servers.
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
        this.hosts = new HostLimiter(settings.perHostConcurrency());
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "fetch-watchdog");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public FetchResult fetch(String location, Validators validators) {
        URI uri;
        try {
            uri = URI.create(location);
        } catch (IllegalArgumentException e) {
            return new FetchResult.Failed("not a valid URL: " + e.getMessage(), null);
        }
        Semaphore permit = hosts.forHost(uri.getHost());
        long waitUntil = System.nanoTime() + settings.totalTimeout().toNanos();
        try {
            if (!permit.tryAcquire(settings.totalTimeout().toNanos(), TimeUnit.NANOSECONDS)) {
                return new FetchResult.Deferred("waited " + settings.totalTimeout() + " for a free connection slot to " + uri.getHost());
            }
            try {
                if (!inFlight.tryAcquire(Math.max(0, waitUntil - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    return new FetchResult.Deferred("waited " + settings.totalTimeout() + " for one of the " + MAX_IN_FLIGHT
                            + " fetch slots");
                }
            } catch (InterruptedException e) {
                permit.release();
                throw e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new FetchResult.Failed("interrupted (shutting down)", null);
        }
        try {
            return fetchWithWatchdog(uri, validators);
        } finally {
            inFlight.release();
            permit.release();
        }
    }

    private FetchResult fetchWithWatchdog(URI uri, Validators validators) {
        Thread fetching = Thread.currentThread();
        long start = System.nanoTime();
        long deadline = start + settings.totalTimeout().toNanos();
        long readTimeout = settings.readTimeout().toNanos();
        AtomicLong lastProgress = new AtomicLong(start);
        AtomicReference<String> timedOut = new AtomicReference<>();
        long period = Math.clamp(Math.min(settings.readTimeout().toMillis(), settings.totalTimeout().toMillis()) / 4, 10, 1000);
        ScheduledFuture<?> dog = watchdog.scheduleAtFixedRate(() -> {
            long now = System.nanoTime();
            String why = null;
            if (now - lastProgress.get() > readTimeout) { // the more specific cause when both apply
                why = "read timeout: no data for " + settings.readTimeout().toMillis() + " ms";
            } else if (now - deadline > 0) {
                why = "total timeout of " + settings.totalTimeout().toMillis() + " ms exceeded";
            }
            if (why != null && timedOut.compareAndSet(null, why)) {
                fetching.interrupt();
            }
        }, period, period, TimeUnit.MILLISECONDS);
        try {
            return follow(uri, validators, () -> lastProgress.set(System.nanoTime()));
        } catch (InterruptedException | IOException e) {
            if (timedOut.get() != null) {
                return new FetchResult.Failed(timedOut.get(), null);
            }
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                return new FetchResult.Failed("interrupted (shutting down)", null);
            }
            return new FetchResult.Failed(describe((IOException) e), null);
        } finally {
            dog.cancel(false);
            if (timedOut.get() != null) {
                Thread.interrupted(); // the interrupt was ours, to stop this fetch; do not leak it
            }
        }
    }

    private FetchResult follow(URI start, Validators validators, Runnable progress) throws IOException, InterruptedException {
        URI uri = start;
        for (int redirects = 0; ; redirects++) {
            HttpResponse<InputStream> response = client.send(request(uri, validators), HttpResponse.BodyHandlers.ofInputStream());
            progress.run();
            int status = response.statusCode();
            if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
                discard(response);
                if (redirects >= settings.maxRedirects()) {
                    return new FetchResult.Failed("too many redirects (more than " + settings.maxRedirects() + ")", null);
                }
                String location = response.headers().firstValue("Location").orElse(null);
                if (location == null || location.isBlank()) {
                    return new FetchResult.Failed("HTTP " + status + " redirect without a Location header", null);
                }
                URI next;
                try {
                    next = uri.resolve(location.trim().replace(" ", "%20"));
                } catch (IllegalArgumentException e) {
                    return new FetchResult.Failed("HTTP " + status + " redirect to an invalid URL", null);
                }
                if ("https".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(next.getScheme())) {
                    return new FetchResult.Failed("redirect from https to " + next.getScheme() + " refused", null);
                }
                uri = next;
                continue;
            }
            if (status == 304) {
                discard(response);
                return new FetchResult.NotModified(ResponseDirectives.maxAge(response.headers()));
            }
            if (status == 429 || status == 503) {
                discard(response);
                Duration retryAfter = ResponseDirectives.retryAfter(response.headers(), Instant.now());
                return new FetchResult.Failed("HTTP " + status + (status == 429 ? " Too Many Requests" : " Service Unavailable")
                        + (retryAfter == null ? "" : ", Retry-After " + retryAfter.toSeconds() + " s"), retryAfter);
            }
            if (status != 200) {
                discard(response);
                return new FetchResult.Failed("HTTP " + status, null);
            }
            return readBody(response, uri, progress);
        }
    }

    private HttpRequest request(URI uri, Validators validators) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .GET()
                .timeout(settings.readTimeout()) // until the response headers arrive
                .header("User-Agent", settings.userAgent())
                .header("Accept", ACCEPT)
                .header("Accept-Encoding", "gzip, deflate");
        if (validators.etag() != null) {
            b.header("If-None-Match", validators.etag());
        }
        if (validators.lastModified() != null) {
            b.header("If-Modified-Since", validators.lastModified());
        }
        return b.build();
    }

    private FetchResult readBody(HttpResponse<InputStream> response, URI finalUri, Runnable progress) throws IOException {
        OptionalLong length = response.headers().firstValueAsLong("Content-Length");
        if (length.isPresent() && length.getAsLong() > settings.maxBodyBytes()) {
            response.body().close();
            return new FetchResult.Failed("body of " + length.getAsLong() + " bytes (Content-Length) exceeds the cap of "
                    + settings.maxBodyBytes() + " bytes", null);
        }
        String encoding = response.headers().firstValue("Content-Encoding").orElse("identity").trim().toLowerCase(Locale.ROOT);
        try (InputStream wire = new CappedInputStream(response.body(), settings.maxBodyBytes(), "response body", progress)) {
            InputStream decoded = switch (encoding) {
                case "gzip", "x-gzip" -> new GZIPInputStream(wire, 8192);
                case "deflate" -> inflate(wire);
                case "identity", "" -> wire;
                default -> null;
            };
            if (decoded == null) {
                return new FetchResult.Failed("unsupported Content-Encoding '" + encoding + "' (we asked for gzip or deflate)", null);
            }
            byte[] body = new CappedInputStream(decoded, settings.maxDecompressedBytes(), "decompressed body", () -> { }).readAllBytes();
            String etag = response.headers().firstValue("ETag").orElse(null);
            String lastModified = response.headers().firstValue("Last-Modified").orElse(null);
            return new FetchResult.Fetched(body, ResponseDirectives.charset(response.headers().firstValue("Content-Type").orElse(null)),
                    finalUri.toString(), new Validators(etag, lastModified), ResponseDirectives.maxAge(response.headers()));
        } catch (CappedInputStream.CapExceededException e) {
            return new FetchResult.Failed(e.getMessage(), null);
        }
    }

    /**
     * Reads a body we do not want to its end before closing it, so the connection goes back to the pool: closing the
     * stream of a response that is not complete yet (even a 304's empty body, whose end may not have been seen) makes the
     * JDK close the connection, and the next poll of that host paid a new connection (measured: 27 to 41% of the polls of a
     * mostly-304 cycle). A body longer than {@value #DISCARD_LIMIT} bytes is not worth reading: that connection is closed.
     */
    private static void discard(HttpResponse<InputStream> response) throws IOException {
        try (InputStream in = response.body()) {
            byte[] buffer = new byte[4096];
            long read = 0;
            int n;
            while (read <= DISCARD_LIMIT && (n = in.read(buffer)) >= 0) {
                read += n;
            }
        }
    }

    /** "deflate" is zlib-wrapped by the standard and raw by many servers; look at the header to tell. */
    private static InputStream inflate(InputStream wire) throws IOException {
        BufferedInputStream in = new BufferedInputStream(wire, 8192);
        in.mark(2);
        int cmf = in.read();
        int flg = in.read();
        in.reset();
        boolean zlib = cmf >= 0 && flg >= 0 && (cmf & 0x0F) == 8 && ((cmf << 8) | flg) % 31 == 0;
        return new InflaterInputStream(in, new Inflater(!zlib), 8192);
    }

    private static String describe(IOException e) {
        if (e instanceof HttpConnectTimeoutException) {
            return "connect timeout";
        }
        if (e instanceof HttpTimeoutException) {
            return "read timeout waiting for response headers";
        }
        if (e instanceof ConnectException) {
            return "connection refused or unreachable" + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
                return "unknown host";
            }
            if (t instanceof ZipException) {
                return "corrupt compressed body: " + t.getMessage();
            }
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        client.close();
    }
}
