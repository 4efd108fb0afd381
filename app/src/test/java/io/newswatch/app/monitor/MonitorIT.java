package io.newswatch.app.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswatch.app.runtime.KafkaCluster;
import io.newswatch.app.runtime.Pipeline;
import io.newswatch.app.runtime.Supervisor;
import io.newswatch.app.testing.FeedServer;
import io.newswatch.app.testing.RunSettings;
import io.newswatch.app.testing.ScrapedMetrics;
import io.newswatch.app.testing.TopicReader;
import io.newswatch.app.testing.WebhookReceiver;
import io.newswatch.broker.EmbeddedKafkaExtension;
import io.newswatch.core.Alert;
import io.newswatch.core.AlertStatus;
import io.newswatch.core.Json;
import io.newswatch.core.JsonSerde;
import io.newswatch.core.RecordSerdes;
import io.newswatch.core.Settings;
import io.newswatch.core.Topics;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The endpoints of a running newswatch, wired as {@code newswatch run} wires them: /ready says not ready before
 * the stages run and ready once every stage is RUNNING; after a burst of articles has gone through ingest, enrich,
 * alerts and a webhook, /metrics carries our counters with the values the topics and the feed server say they
 * must have, and the JVM's, Kafka Streams' and the Kafka clients' own meters.
 */
@DisplayName("/health, /ready and /metrics of the whole pipeline on the embedded broker")
class MonitorIT {

    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final List<String> OUTLETS = List.of("kyiv-morning", "danube-post", "capitol-desk", "northern-ledger",
            "atlantic-defence");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @RegisterExtension
    static final EmbeddedKafkaExtension broker = new EmbeddedKafkaExtension();
    private static FeedServer feeds;
    private static WebhookReceiver webhook;

    @BeforeAll
    static void start() throws IOException {
        feeds = new FeedServer();
        webhook = new WebhookReceiver();
    }

    @AfterAll
    static void stop() {
        if (webhook != null) {
            webhook.close();
        }
        if (feeds != null) {
            feeds.close();
        }
    }

    @Test
    @DisplayName("not ready before the stages run, ready after; named metrics with real values after articles went through")
    void readinessAndMetrics(@TempDir Path dataDir) throws Exception {
        List<String> urls = new ArrayList<>();
        for (String outlet : OUTLETS) {
            urls.add(feeds.serve("/" + outlet + ".xml", fetch -> feed(outlet, fetch > 0)));
        }
        Topics topics = new Topics("monitor-it.");
        Path watches = dataDir.resolve("watches.yaml");
        Files.writeString(watches, """
                watches:
                  - id: tomahawk
                    description: Tomahawk missiles
                    query: tomahawk*
                """);
        Map<String, String> values = new HashMap<>(RunSettings.of(broker.bootstrapServers(), topics, dataDir, urls, watches.toString()));
        values.put("alerts.webhook.url", webhook.url());
        Pipeline pipeline = Pipeline.plan(Settings.of(values), Pipeline.EVERY_STAGE);

        int port;
        try (Supervisor supervisor = new Supervisor("MonitorIT")) {
            Monitor monitor = supervisor.manage(Monitor.start(new MonitorSettings("127.0.0.1", 0, true), pipeline.stageLabels()));
            port = monitor.port();
            assertThat(port).isPositive();
            assertThat(get(port, "/health").statusCode()).isEqualTo(200);

            // Before the broker is checked and the stages run: not ready, and the body says what it waits for.
            HttpResponse<String> notReady = get(port, "/ready");
            assertThat(notReady.statusCode()).isEqualTo(503);
            JsonNode waiting = Json.mapper().readTree(notReady.body());
            assertThat(waiting.get("status").asText()).isEqualTo("NOT_READY");
            assertThat(waiting.get("broker").get("reachable").asBoolean()).isFalse();
            for (String stage : List.of("ingest", "enrich", "alerts", "deliver")) {
                assertThat(waiting.get("stages").get(stage).asText()).isEqualTo("NOT_STARTED");
            }
            assertThat(waiting.get("waitingFor").toString()).contains("broker").contains("ingest: NOT_STARTED");

            KafkaCluster cluster = supervisor.manage(KafkaCluster.connectOrStartEmbedded(pipeline.app()));
            supervisor.manage(monitor.watchBroker(cluster.clientProperties()));
            pipeline.start(cluster, supervisor, monitor);

            HttpResponse<String> ready = awaitGet(port, "/ready", r -> r.statusCode() == 200);
            JsonNode body = Json.mapper().readTree(ready.body());
            assertThat(body.get("status").asText()).isEqualTo("READY");
            assertThat(body.get("broker").get("reachable").asBoolean()).isTrue();
            assertThat(body.get("waitingFor")).isEmpty();
            for (String stage : List.of("ingest", "enrich", "alerts", "deliver")) {
                assertThat(body.get("stages").get(stage).asText()).as(stage).isEqualTo("RUNNING");
            }

            // Every feed polled three more times after its burst: ingest has published everything it will.
            awaitFetches(5);
            List<ConsumerRecord<String, byte[]>> raw = TopicReader.readAll(broker.bootstrapServers(), topics.raw());
            assertThat(raw).hasSize(OUTLETS.size() * 4);
            // An alert as detection writes it, so that the webhook stage has something to deliver whatever detection finds.
            JsonSerde<Alert> alerts = RecordSerdes.ALERT;
            Instant bucket = Instant.now().truncatedTo(ChronoUnit.MINUTES);
            Alert handMade = new Alert(Alert.SCHEMA_VERSION, "tomahawk@" + bucket, "tomahawk", "Tomahawk missiles", AlertStatus.OPENED,
                    bucket, bucket.plusSeconds(600), 15, 15, 0.5, 9.0, 5, 3, List.of(), "test alert", bucket);
            try (KafkaProducer<String, Alert> producer = new KafkaProducer<>(Map.<String, Object>of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()), new StringSerializer(), alerts)) {
                producer.send(new ProducerRecord<>(topics.alerts(), handMade.watchId(), handMade)).get();
            }
            // Scraped until enrich has read every raw article and the webhook has had the alert.
            awaitGet(port, "/metrics", r -> {
                ScrapedMetrics m = ScrapedMetrics.parse(r.body());
                return m.sum("newswatch_stage_records_in_total", "stage", "enrich").orElse(0) == raw.size()
                        && m.sum("newswatch_webhook_deliveries_total", "outcome", "delivered").orElse(0) >= 1;
            });

            // Whatever detection opened (its counter runs ahead of its committed output for a moment), the counter agrees with
            // the topic, and the webhook stage read every alert on it.
            ScrapedMetrics metrics = ScrapedMetrics.parse(get(port, "/metrics").body());
            List<Alert> onTopic = alertsOn(topics.alerts());
            long end = System.nanoTime() + DEADLINE.toNanos();
            while (!agrees(metrics, onTopic, handMade) && System.nanoTime() < end) {
                Thread.sleep(500);
                metrics = ScrapedMetrics.parse(get(port, "/metrics").body());
                onTopic = alertsOn(topics.alerts());
            }
            long openedByDetection = onTopic.stream()
                    .filter(a -> a.status() == AlertStatus.OPENED && !a.alertId().equals(handMade.alertId())).count();

            assertThat(value(metrics, "newswatch_ready")).isEqualTo(1);
            assertThat(value(metrics, "newswatch_broker_reachable")).isEqualTo(1);
            for (String stage : List.of("ingest", "enrich", "alerts", "deliver")) {
                assertThat(value(metrics, "newswatch_stage_running", "stage", stage)).as(stage + " running").isEqualTo(1);
            }
            // Per stage: what ingest published is on the raw topic and enrich read it all; enrich wrote articles and
            // watermarks that alerts read; alerts counted the alerts it opened; the webhook stage read the alert and delivered it.
            assertThat(value(metrics, "newswatch_stage_records_out_total", "stage", "ingest", "topic", topics.raw())).isEqualTo(raw.size());
            assertThat(value(metrics, "newswatch_stage_records_in_total", "stage", "enrich", "topic", topics.raw())).isEqualTo(raw.size());
            assertThat(value(metrics, "newswatch_stage_records_out_total", "stage", "enrich", "topic", topics.enriched())).isPositive();
            assertThat(value(metrics, "newswatch_stage_records_in_total", "stage", "alerts", "topic", topics.enriched())).isPositive();
            assertThat(value(metrics, "newswatch_alerts_total", "status", "opened")).isEqualTo(openedByDetection);
            assertThat(value(metrics, "newswatch_stage_records_in_total", "stage", "deliver", "topic", topics.alerts()))
                    .isEqualTo(onTopic.size());
            assertThat(value(metrics, "newswatch_webhook_deliveries_total", "outcome", "delivered")).isEqualTo(webhook.bodies().size())
                    .isGreaterThanOrEqualTo(1);
            assertThat(value(metrics, "newswatch_webhook_deliveries_total", "outcome", "failed")).isZero();
            assertThat(value(metrics, "newswatch_stage_dead_letters_total", "stage", "enrich")).isZero();
            assertThat(value(metrics, "newswatch_stage_dead_letters_total", "stage", "deliver")).isZero();
            assertThat(value(metrics, "newswatch_stage_dropped_articles_total", "stage", "enrich", "reason", "duplicate")).isZero();
            assertThat(metrics.find("newswatch_stage_late_articles_total")).extracting(s -> s.labels().get("stage"))
                    .containsExactlyInAnyOrder("enrich", "alerts");
            assertThat(metrics.find("newswatch_stage_dropped_articles_total", "stage", "alerts")).extracting(s -> s.labels().get("reason"))
                    .containsExactlyInAnyOrder("late", "error");

            // Per feed: the feed server's count of fetches, the feed's articles, its interval and last success.
            String kyiv = urls.getFirst();
            assertThat(value(metrics, "newswatch_feed_fetches_total", "feed", kyiv)).isGreaterThanOrEqualTo(5)
                    .isLessThanOrEqualTo(feeds.fetches("/kyiv-morning.xml"));
            assertThat(value(metrics, "newswatch_feed_new_articles_total", "feed", kyiv)).isEqualTo(4);
            assertThat(value(metrics, "newswatch_feed_errors_total", "feed", kyiv)).isZero();
            assertThat(value(metrics, "newswatch_feed_interval_seconds", "feed", kyiv)).isEqualTo(1);
            assertThat(value(metrics, "newswatch_feed_last_success_timestamp_seconds", "feed", kyiv))
                    .isBetween(Instant.now().minusSeconds(60).getEpochSecond() * 1.0, Instant.now().getEpochSecond() + 1.0);
            assertThat(metrics.sum("newswatch_feed_new_articles_total").orElseThrow()).isEqualTo(raw.size());
            assertThat(value(metrics, "newswatch_ingest_feeds", "state", "healthy")).isEqualTo(OUTLETS.size());
            assertThat(value(metrics, "newswatch_ingest_fetches_total"))
                    .isEqualTo(metrics.sum("newswatch_feed_fetches_total").orElseThrow());

            // The JVM, Kafka Streams and the Kafka clients, through Micrometer's binders.
            assertThat(metrics.sum("jvm_memory_used_bytes", "area", "heap").orElseThrow()).isPositive();
            // The GC binder: its pause timer shows only after a first collection, which a short run may not have had.
            assertThat(metrics.find("jvm_gc_max_data_size_bytes")).isNotEmpty();
            assertThat(value(metrics, "jvm_threads_live_threads")).isPositive();
            assertThat(metrics.sum("kafka_stream_thread_process_total").orElseThrow()).as(String.join(",", metrics.names())).isPositive();
            assertThat(metrics.sum("kafka_producer_record_send_total").orElseThrow()).isGreaterThanOrEqualTo(raw.size());
            assertThat(supervisor.stopRequested()).as("no stage failed").isFalse();
        }
        // Closed with the process: nothing listens any more.
        assertThatThrownBy(() -> get(port, "/health")).isInstanceOf(ConnectException.class);
    }

    private static List<Alert> alertsOn(String topic) {
        JsonSerde<Alert> serde = RecordSerdes.ALERT;
        return TopicReader.readAll(broker.bootstrapServers(), topic).stream().map(r -> serde.deserialize(r.topic(), r.value())).toList();
    }

    /** The alert counters of the scrape agree with the alerts on the topic, the hand-made one aside. */
    private static boolean agrees(ScrapedMetrics metrics, List<Alert> onTopic, Alert handMade) {
        for (AlertStatus status : AlertStatus.values()) {
            long n = onTopic.stream().filter(a -> a.status() == status && !a.alertId().equals(handMade.alertId())).count();
            if (metrics.sum("newswatch_alerts_total", "status", status.name().toLowerCase(Locale.ROOT)).orElse(-1) != n) {
                return false;
            }
        }
        return metrics.sum("newswatch_stage_records_in_total", "stage", "deliver").orElse(-1) == onTopic.size();
    }

    private static double value(ScrapedMetrics metrics, String name, String... labels) {
        List<ScrapedMetrics.Sample> found = metrics.find(name, labels);
        assertThat(found).as(name + " " + String.join(",", labels) + " among " + metrics.names()).hasSize(1);
        return found.getFirst().value();
    }

    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> awaitGet(int port, String path, Predicate<HttpResponse<String>> done) throws Exception {
        long end = System.nanoTime() + DEADLINE.toNanos();
        HttpResponse<String> last = get(port, path);
        while (!done.test(last) && System.nanoTime() < end) {
            Thread.sleep(250);
            last = get(port, path);
        }
        assertThat(done.test(last)).as("GET " + path + " answered " + last.statusCode() + ": " + last.body()).isTrue();
        return last;
    }

    private static void awaitFetches(int fetches) throws InterruptedException {
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (OUTLETS.stream().anyMatch(o -> feeds.fetches("/" + o + ".xml") < fetches) && System.nanoTime() < end) {
            Thread.sleep(200);
        }
        assertThat(OUTLETS).allSatisfy(o -> assertThat(feeds.fetches("/" + o + ".xml")).as("fetches of " + o)
                .isGreaterThanOrEqualTo(fetches));
    }

    /** An outlet's feed: one unrelated item at first; from the second fetch on, three Tomahawk stories on top. */
    private static byte[] feed(String outlet, boolean burst) {
        String host = "https://" + outlet + ".example.com/";
        StringBuilder items = new StringBuilder(item(host + "weather", outlet + " weather: a mild week ahead",
                "Forecasters expect mild temperatures across the region."));
        if (burst) {
            items.append(item(host + "tomahawk-1", "US weighs Tomahawk missiles for Ukraine (" + outlet + ")",
                    "Washington is considering a sale of Tomahawk cruise missiles to Kyiv, officials told " + outlet + "."));
            items.append(item(host + "tomahawk-2", "Kremlin warns over Tomahawks (" + outlet + ")",
                    "Moscow said deliveries of Tomahawk missiles would mark an escalation."));
            items.append(item(host + "tomahawk-3", "Zelensky presses for Tomahawk deliveries (" + outlet + ")",
                    "Ukraine's president asked again for long-range Tomahawk missiles."));
        }
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel>
                <title>%s</title><link>%s</link><description>test outlet</description><language>en</language>
                %s
                </channel></rss>
                """.formatted(outlet, host, items).getBytes(StandardCharsets.UTF_8);
    }

    private static String item(String link, String title, String description) {
        return "<item><title>" + title + "</title><link>" + link + "</link><guid isPermaLink=\"true\">" + link
                + "</guid><description>" + description + "</description></item>\n";
    }
}
