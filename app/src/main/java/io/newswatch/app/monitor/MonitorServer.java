package io.newswatch.app.monitor;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The small HTTP server of a long-running process: {@code /metrics} (Prometheus text format), {@code /health}
 * (200 while the process runs) and {@code /ready} (200 or 503 with a JSON body saying what is not ready). The
 * JDK's own server: three read-only endpoints need no framework, and it adds no dependency. A few daemon threads
 * serve it, so a slow scrape never holds up a probe and the server never keeps the JVM alive.
 */
public final class MonitorServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MonitorServer.class);
    private static final int THREADS = 3;
    private static final Duration STOP_GRACE = Duration.ofSeconds(1);
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    static final String JSON = "application/json; charset=utf-8";

    /** What the server shows: the scrape text and the readiness verdict, each computed on request. */
    public interface Content {
        String metrics();

        Readiness.Report readiness();
    }

    private final HttpServer server;
    private final ExecutorService threads;

    private MonitorServer(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    /** Binds {@code host:port} (0: any free port) and starts serving; fails naming the setting when the port is taken. */
    public static MonitorServer start(String host, int port, Content content) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 0);
        } catch (BindException e) {
            throw new IllegalStateException("cannot serve /metrics, /health and /ready on " + host + ":" + port + " (" + e.getMessage()
                    + "): another process (another newswatch?) has it. Pick another port with --http-port (setting "
                    + MonitorSettings.HTTP_PORT.key() + ", 0 for any free port) or turn the endpoints off with --http-port -1", e);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serve on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        AtomicInteger n = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "newswatch-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            try (exchange) {
                serve(exchange, content);
            } catch (IOException | RuntimeException e) {
                LOG.debug("{} {} failed: {}", exchange.getRequestMethod(), exchange.getRequestURI(), e.toString());
            }
        });
        server.start();
        MonitorServer started = new MonitorServer(server, threads);
        LOG.info("Serving /metrics, /health and /ready on http://{}:{}/", hostForUrl(host), started.port());
        return started;
    }

    private static void serve(HttpExchange exchange, Content content) throws IOException {
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            send(exchange, 405, "text/plain; charset=utf-8", "only GET and HEAD\n");
            return;
        }
        switch (exchange.getRequestURI().getPath()) {
            case "/metrics" -> send(exchange, 200, PROMETHEUS_TEXT, content.metrics());
            case "/health" -> send(exchange, 200, JSON, "{\"status\":\"UP\"}\n");
            case "/ready" -> {
                Readiness.Report report = content.readiness();
                send(exchange, report.ready() ? 200 : 503, JSON, ReadinessJson.of(report) + "\n");
            }
            case "/" -> send(exchange, 200, "text/plain; charset=utf-8",
                    "newswatch: /metrics (Prometheus), /health (live), /ready (broker reachable, every stage running)\n");
            default -> send(exchange, 404, "text/plain; charset=utf-8", "not found; try /metrics, /health or /ready\n");
        }
    }

    /** Sends the body, gzipped when the client accepts it (a scrape of thousands of feeds is megabytes of text). */
    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        String accepted = exchange.getRequestHeaders().getFirst("Accept-Encoding");
        if (accepted != null && accepted.contains("gzip") && bytes.length > 1024) {
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            exchange.sendResponseHeaders(status, 0);
            try (OutputStream out = new GZIPOutputStream(exchange.getResponseBody())) {
                out.write(bytes);
            }
            return;
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String hostForUrl(String host) {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    /** The bound port (the chosen one when started with port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop((int) STOP_GRACE.toSeconds());
        threads.shutdownNow();
        try {
            threads.awaitTermination(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
