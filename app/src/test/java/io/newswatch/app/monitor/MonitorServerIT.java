package io.newswatch.app.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The HTTP side of the endpoints on 127.0.0.1, with the content given (MonitorIT has the real one). */
@DisplayName("monitor server: /health, /ready, /metrics over HTTP on 127.0.0.1")
class MonitorServerIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final BrokerStatus UP = new BrokerStatus(true, "1 broker answered");

    private final AtomicReference<Readiness.Report> readiness = new AtomicReference<>(
            Readiness.judge(List.of("enrich"), Map.of(), UP));
    private final MonitorServer.Content content = new MonitorServer.Content() {
        @Override
        public String metrics() {
            return "# HELP newswatch_ready 1 when ready\n# TYPE newswatch_ready gauge\nnewswatch_ready 0.0\n" + "x".repeat(4000) + "\n";
        }

        @Override
        public Readiness.Report readiness() {
            return readiness.get();
        }
    };

    private static HttpResponse<byte[]> send(int port, String method, String path, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(10));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("/health 200; /ready 503 then 200 as the verdict changes; /metrics in Prometheus text format")
    void endpoints() throws Exception {
        try (MonitorServer server = MonitorServer.start("127.0.0.1", 0, content)) {
            int port = server.port();
            HttpResponse<byte[]> health = send(port, "GET", "/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(text(health)).contains("\"UP\"");

            HttpResponse<byte[]> notReady = send(port, "GET", "/ready");
            assertThat(notReady.statusCode()).isEqualTo(503);
            assertThat(notReady.headers().firstValue("Content-Type")).hasValue(MonitorServer.JSON);
            assertThat(text(notReady)).contains("\"NOT_READY\"").contains("enrich: NOT_STARTED");
            readiness.set(Readiness.judge(List.of("enrich"), Map.of("enrich", StageStatus.RUNNING), UP));
            assertThat(send(port, "GET", "/ready").statusCode()).isEqualTo(200);

            HttpResponse<byte[]> metrics = send(port, "GET", "/metrics");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
            assertThat(text(metrics)).startsWith("# HELP newswatch_ready");
        }
    }

    @Test
    @DisplayName("gzip when asked, HEAD without a body, 405 for other methods, 404 elsewhere")
    void http() throws Exception {
        try (MonitorServer server = MonitorServer.start("127.0.0.1", 0, content)) {
            int port = server.port();
            HttpResponse<byte[]> zipped = send(port, "GET", "/metrics", "Accept-Encoding", "gzip");
            assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(content.metrics());
            }
            HttpResponse<byte[]> head = send(port, "HEAD", "/health");
            assertThat(head.statusCode()).isEqualTo(200);
            assertThat(head.body()).isEmpty();
            HttpResponse<byte[]> post = send(port, "POST", "/ready");
            assertThat(post.statusCode()).isEqualTo(405);
            assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
            assertThat(send(port, "GET", "/admin").statusCode()).isEqualTo(404);
        }
    }

    @Test
    @DisplayName("a port already taken fails at start, saying which setting and flag to change")
    void portTaken() {
        try (MonitorServer first = MonitorServer.start("127.0.0.1", 0, content)) {
            assertThatThrownBy(() -> MonitorServer.start("127.0.0.1", first.port(), content).close())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("127.0.0.1:" + first.port()).hasMessageContaining("--http-port")
                    .hasMessageContaining("http.port");
        }
    }
}
