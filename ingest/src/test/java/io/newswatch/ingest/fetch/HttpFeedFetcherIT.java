package io.newswatch.ingest.fetch;

import static io.newswatch.ingest.fetch.LocalFeedServer.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.core.Settings;
import io.newswatch.ingest.FeedProblem;
import io.newswatch.ingest.Fixtures;
import io.newswatch.ingest.IngestSettings;
import io.newswatch.ingest.service.FeedReadResult;
import io.newswatch.ingest.service.FeedReader;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The HTTP fetcher against a real local server: conditional GET, compression, redirects, limits and timeouts. */
class HttpFeedFetcherIT {

    private static final byte[] FEED = Fixtures.bytes("rss20-basic.xml");
    private static final CountDownLatch RELEASE = new CountDownLatch(1);
    private static final ConcurrentLinkedQueue<String> USER_AGENTS = new ConcurrentLinkedQueue<>();
    private static final AtomicInteger IN_FLIGHT = new AtomicInteger();
    private static final Set<Integer> KEPT_CLIENT_PORTS = ConcurrentHashMap.newKeySet();
    private static final AtomicInteger MAX_IN_FLIGHT = new AtomicInteger();
    private static LocalFeedServer server;
    private static HttpFeedFetcher fetcher;
    private static IngestSettings settings;

    @BeforeAll
    static void start() throws Exception {
        server = new LocalFeedServer()
                .on("/kept", x -> {
                    KEPT_CLIENT_PORTS.add(x.getRemoteAddress().getPort());
                    if ("\"k\"".equals(x.getRequestHeaders().getFirst("If-None-Match"))) {
                        send(x, 304, null, new byte[0]);
                        return;
                    }
                    x.getResponseHeaders().set("ETag", "\"k\"");
                    send(x, 200, "application/rss+xml", FEED);
                })
                .on("/etag", x -> {
                    USER_AGENTS.add(x.getRequestHeaders().getFirst("User-Agent"));
                    if ("\"v1\"".equals(x.getRequestHeaders().getFirst("If-None-Match"))
                            && "Fri, 17 Oct 2025 07:00:00 GMT".equals(x.getRequestHeaders().getFirst("If-Modified-Since"))) {
                        x.getResponseHeaders().set("Cache-Control", "max-age=600");
                        send(x, 304, null, new byte[0]);
                        return;
                    }
                    x.getResponseHeaders().set("ETag", "\"v1\"");
                    x.getResponseHeaders().set("Last-Modified", "Fri, 17 Oct 2025 07:00:00 GMT");
                    x.getResponseHeaders().set("Cache-Control", "public, max-age=300");
                    send(x, 200, "application/rss+xml; charset=\"utf-8\"", FEED);
                })
                .on("/gzip", x -> {
                    x.getResponseHeaders().set("Content-Encoding", "gzip");
                    send(x, 200, "text/xml", gzip(FEED));
                })
                .on("/deflate-zlib", x -> {
                    x.getResponseHeaders().set("Content-Encoding", "deflate");
                    send(x, 200, "text/xml", deflate(FEED, false));
                })
                .on("/deflate-raw", x -> {
                    x.getResponseHeaders().set("Content-Encoding", "deflate");
                    send(x, 200, "text/xml", deflate(FEED, true));
                })
                .on("/r1", x -> redirect(x, 302, "/r2"))
                .on("/r2", x -> redirect(x, 301, server.url("/etag")))
                .on("/loop", x -> redirect(x, 307, "/loop"))
                .on("/busy", x -> {
                    x.getResponseHeaders().set("Retry-After", "120");
                    send(x, 429, "text/plain", "slow down".getBytes(StandardCharsets.UTF_8));
                })
                .on("/maintenance", x -> {
                    x.getResponseHeaders().set("Retry-After", "Wed, 21 Oct 2099 07:28:00 GMT");
                    send(x, 503, "text/plain", new byte[0]);
                })
                .on("/missing", x -> send(x, 404, "text/plain", "no".getBytes(StandardCharsets.UTF_8)))
                .on("/stall-headers", x -> RELEASE.await())
                .on("/stall-body", x -> {
                    x.sendResponseHeaders(200, 0);
                    x.getResponseBody().write("<rss>".getBytes(StandardCharsets.UTF_8));
                    x.getResponseBody().flush();
                    RELEASE.await();
                })
                .on("/drip", x -> {
                    x.sendResponseHeaders(200, 0);
                    OutputStream out = x.getResponseBody();
                    while (RELEASE.getCount() > 0) {
                        out.write(' ');
                        out.flush();
                        Thread.sleep(50);
                    }
                })
                .on("/big-declared", x -> {
                    x.sendResponseHeaders(200, 2_000_000);
                    x.getResponseBody().write('<');
                    x.getResponseBody().flush(); // the JDK server sends headers with the first body bytes
                    RELEASE.await();
                })
                .on("/big-chunked", x -> {
                    x.sendResponseHeaders(200, 0);
                    byte[] block = new byte[8192];
                    for (int i = 0; i < 250; i++) {
                        x.getResponseBody().write(block);
                    }
                })
                .on("/gzip-bomb", x -> {
                    x.getResponseHeaders().set("Content-Encoding", "gzip");
                    send(x, 200, "text/xml", gzip(new byte[20_000_000]));
                })
                .on("/xml-bomb", x -> send(x, 200, "text/xml", Fixtures.bytes("billion-laughs.xml")))
                .on("/xxe", x -> send(x, 200, "text/xml", Fixtures.bytes("xxe-external-entity.xml")))
                .on("/slow-host", x -> {
                    int now = IN_FLIGHT.incrementAndGet();
                    MAX_IN_FLIGHT.accumulateAndGet(now, Math::max);
                    Thread.sleep(100);
                    IN_FLIGHT.decrementAndGet();
                    send(x, 200, "text/xml", FEED);
                });
        settings = IngestSettings.from(Settings.of(Map.of(
                "ingest.connect-timeout", "2s", "ingest.read-timeout", "1s", "ingest.total-timeout", "4s",
                "ingest.max-body-bytes", "64KB", "ingest.max-decompressed-bytes", "256KB", "ingest.max-redirects", "3",
                "ingest.per-host-concurrency", "1")));
        fetcher = new HttpFeedFetcher(settings);
    }

    @AfterAll
    static void stop() {
        RELEASE.countDown();
        fetcher.close();
        server.close();
    }

    private static void redirect(com.sun.net.httpserver.HttpExchange x, int status, String location) throws java.io.IOException {
        x.getResponseHeaders().set("Location", location);
        send(x, status, null, new byte[0]);
    }

    private static byte[] gzip(byte[] data) throws java.io.IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }

    private static byte[] deflate(byte[] data, boolean raw) throws java.io.IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(bytes, new Deflater(Deflater.DEFAULT_COMPRESSION, raw))) {
            out.write(data);
        }
        return bytes.toByteArray();
    }

    @Test
    @DisplayName("conditional GET: validators and max-age from a 200 come back as If-None-Match/If-Modified-Since and earn a 304")
    void conditionalGet() {
        FetchResult first = fetcher.fetch(server.url("/etag"), Validators.NONE);
        assertThat(first).isInstanceOfSatisfying(FetchResult.Fetched.class, f -> {
            assertThat(f.body()).isEqualTo(FEED);
            assertThat(f.charset()).isEqualTo("utf-8");
            assertThat(f.validators()).isEqualTo(new Validators("\"v1\"", "Fri, 17 Oct 2025 07:00:00 GMT"));
            assertThat(f.pollFloor()).isEqualTo(Duration.ofSeconds(300));
        });
        FetchResult second = fetcher.fetch(server.url("/etag"), ((FetchResult.Fetched) first).validators());
        assertThat(second).isEqualTo(new FetchResult.NotModified(Duration.ofSeconds(600)));
        assertThat(USER_AGENTS).allMatch(settings.userAgent()::equals);
    }

    @Test
    @DisplayName("polls one after the other, 200s and 304s, go over one kept connection")
    void connectionKept() {
        Validators validators = Validators.NONE;
        for (int i = 0; i < 200; i++) { // closing an incomplete 304 lost its connection now and then: many tries
            FetchResult r = fetcher.fetch(server.url("/kept"), validators);
            if (r instanceof FetchResult.Fetched f) {
                validators = f.validators();
            } else {
                assertThat(r).isInstanceOf(FetchResult.NotModified.class);
            }
            if (i % 50 == 49) {
                validators = Validators.NONE; // a 200 between the 304s
            }
        }
        assertThat(KEPT_CLIENT_PORTS).as("client ports seen by the server: one per connection").hasSize(1);
    }

    @Test
    @DisplayName("gzip, zlib deflate and raw deflate bodies are decompressed")
    void compression() {
        for (String path : List.of("/gzip", "/deflate-zlib", "/deflate-raw")) {
            assertThat(fetcher.fetch(server.url(path), Validators.NONE)).as(path)
                    .isInstanceOfSatisfying(FetchResult.Fetched.class, f -> assertThat(f.body()).isEqualTo(FEED));
        }
    }

    @Test
    @DisplayName("redirects are followed and counted; the final URL is reported; a loop stops at the limit")
    void redirects() {
        assertThat(fetcher.fetch(server.url("/r1"), Validators.NONE)).isInstanceOfSatisfying(FetchResult.Fetched.class,
                f -> assertThat(f.finalUrl()).isEqualTo(server.url("/etag")));
        assertThat(fetcher.fetch(server.url("/loop"), Validators.NONE)).isInstanceOfSatisfying(FetchResult.Failed.class,
                f -> assertThat(f.cause()).isEqualTo("too many redirects (more than 3)"));
    }

    @Test
    @DisplayName("429 and 503 report Retry-After, as seconds or as an HTTP date")
    void retryAfter() {
        assertThat(fetcher.fetch(server.url("/busy"), Validators.NONE)).isInstanceOfSatisfying(FetchResult.Failed.class, f -> {
            assertThat(f.retryAfter()).isEqualTo(Duration.ofSeconds(120));
            assertThat(f.cause()).contains("429");
        });
        assertThat(fetcher.fetch(server.url("/maintenance"), Validators.NONE)).isInstanceOfSatisfying(FetchResult.Failed.class,
                f -> assertThat(f.retryAfter()).isGreaterThan(Duration.ofDays(365)));
    }

    @Test
    @DisplayName("HTTP errors and refused connections are failures with their cause")
    void errors() {
        assertThat(fetcher.fetch(server.url("/missing"), Validators.NONE)).isEqualTo(new FetchResult.Failed("HTTP 404", null));
        assertThat(fetcher.fetch("http://127.0.0.1:9/feed", Validators.NONE)).isInstanceOfSatisfying(FetchResult.Failed.class,
                f -> assertThat(f.cause()).contains("connection refused"));
    }

    @Test
    @DisplayName("a server that stalls before headers, or mid-body, hits the read timeout")
    void stalls() {
        assertThat(fetcher.fetch(server.url("/stall-headers"), Validators.NONE)).isInstanceOfSatisfying(FetchResult.Failed.class,
                f -> assertThat(f.cause()).contains("read timeout"));
        assertThat(fetcher.fetch(server.url("/stall-body"), Validators.NONE)).isInstanceOfSatisfying(FetchResult.Failed.class,
                f -> assertThat(f.cause()).contains("read timeout"));
    }

    @Test
    @DisplayName("a server that drips bytes forever hits the total timeout")
    void drip() {
        // A read timeout far above the total one, so only the total limit can end this fetch, however
        // slowly a loaded machine schedules the dripping server.
        IngestSettings patient = IngestSettings.from(Settings.of(Map.of("ingest.read-timeout", "30s", "ingest.total-timeout", "1s")));
        try (HttpFeedFetcher dripFetcher = new HttpFeedFetcher(patient)) {
            assertThat(dripFetcher.fetch(server.url("/drip"), Validators.NONE)).isInstanceOfSatisfying(FetchResult.Failed.class,
                    f -> assertThat(f.cause()).isEqualTo("total timeout of 1000 ms exceeded"));
        }
    }

    @Test
    @DisplayName("oversized bodies are refused from Content-Length, or at the cap while streaming; a gzip bomb at the decompressed cap")
    void caps() {
        assertThat(fetcher.fetch(server.url("/big-declared"), Validators.NONE)).isInstanceOfSatisfying(FetchResult.Failed.class,
                f -> assertThat(f.cause()).contains("Content-Length").contains("cap"));
        assertThat(fetcher.fetch(server.url("/big-chunked"), Validators.NONE)).isInstanceOfSatisfying(FetchResult.Failed.class,
                f -> assertThat(f.cause()).isEqualTo("response body exceeds the cap of 65536 bytes"));
        assertThat(fetcher.fetch(server.url("/gzip-bomb"), Validators.NONE)).isInstanceOfSatisfying(FetchResult.Failed.class,
                f -> assertThat(f.cause()).isEqualTo("decompressed body exceeds the cap of 262144 bytes"));
    }

    @Test
    @DisplayName("XML bombs served over HTTP are refused by the reader, naming the feed and the reason")
    void xmlBombs() {
        for (String path : List.of("/xml-bomb", "/xxe")) {
            FeedReadResult result = FeedReader.read(server.url(path), settings);
            assertThat(result.articles()).isEmpty();
            assertThat(result.problems()).singleElement().satisfies(p -> {
                assertThat(p.stage()).isEqualTo(FeedProblem.Stage.PARSE);
                assertThat(p.severity()).isEqualTo(FeedProblem.Severity.ERROR);
                assertThat(p.feed()).isEqualTo(server.url(path));
                assertThat(p.cause()).contains("refused");
            });
        }
    }

    @Test
    @DisplayName("no more than the per-host limit of fetches reach one host at once")
    void perHostLimit() throws Exception {
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<FetchResult>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                results.add(pool.submit(() -> fetcher.fetch(server.url("/slow-host"), Validators.NONE)));
            }
            for (Future<FetchResult> r : results) {
                assertThat(r.get()).isInstanceOf(FetchResult.Fetched.class);
            }
        }
        assertThat(MAX_IN_FLIGHT.get()).isEqualTo(1);
    }
}
