package io.newswatch.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.newswatch.alerts.delivery.WebhookDispatcher;
import io.newswatch.alerts.testing.Articles;
import io.newswatch.alerts.watch.BaselineLearner;
import io.newswatch.alerts.watch.WatchBootstrap;
import io.newswatch.alerts.watch.WatchStore;
import io.newswatch.alerts.watch.WatchValidator;
import io.newswatch.broker.EmbeddedKafkaExtension;
import io.newswatch.core.Alert;
import io.newswatch.core.AlertStatus;
import io.newswatch.core.DeadLetterHeaders;
import io.newswatch.core.EnrichedArticle;
import io.newswatch.core.Json;
import io.newswatch.core.LearnedBaseline;
import io.newswatch.core.RecordSerdes;
import io.newswatch.core.Settings;
import io.newswatch.core.TopicLayout;
import io.newswatch.core.Topics;
import io.newswatch.core.Watch;
import io.newswatch.core.WatchInput;
import io.newswatch.eventtime.MergeInput;
import io.newswatch.eventtime.Watermark;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alerts stage on the real embedded broker with exactly-once: watches seeded from a file, enriched
 * articles produced, an OPENED alert read by a plain KafkaConsumer, the webhook received by a local HTTP
 * server, and a webhook that keeps failing dead-lettered.
 */
class AlertsIT {

    static final Topics TOPICS = new Topics("it.");
    static final Duration PATIENCE = Duration.ofSeconds(90); // an upper bound to fail on, not a speed claim

    private static final int ENRICHED_PARTITIONS = 3;

    @RegisterExtension
    static final EmbeddedKafkaExtension broker = new EmbeddedKafkaExtension();
    static HttpServer http;
    static final BlockingQueue<String> received = new LinkedBlockingQueue<>();

    @TempDir
    static Path dir;

    @BeforeAll
    static void startBroker() throws Exception {
        broker.createTopic(TOPICS.enriched(), ENRICHED_PARTITIONS, Map.of());
        broker.createTopic(TOPICS.watches(), 1, Map.of("cleanup.policy", "compact"));
        broker.createTopic(TOPICS.alerts(), 1, Map.of());
        broker.createTopic(TOPICS.dlq(), 1, Map.of());
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/hook", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        http.createContext("/broken", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        http.start();
    }

    @AfterAll
    static void stop() {
        if (http != null) {
            http.stop(0);
        }
    }

    static Properties client() {
        Properties p = new Properties();
        p.put("bootstrap.servers", broker.bootstrapServers());
        return p;
    }

    @Test
    @DisplayName("at start, watches of the file that are new or count something else learn a baseline; the others keep theirs")
    void seedingLearnsNewWatches() throws Exception {
        Topics topics = new Topics("itlearn.");
        broker.createTopic(topics.watches(), 1, Map.of("cleanup.policy", "compact"));
        Path file = dir.resolve("learn-watches.yaml");
        Files.writeString(file, """
                watches:
                  - id: tomahawk
                    query: tomahawk*
                  - id: hungary
                    entity: country:HU
                """);
        AlertsSettings settings = AlertsSettings.from(Settings.of(Map.of("kafka.topic-prefix", "itlearn.",
                "app.data-dir", dir.toString(), "alerts.watches-file", file.toString())));
        LearnedBaseline tomahawkLearned = new LearnedBaseline(Duration.ofDays(7), 3.0, 5000.0, Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-01-20T00:00:00Z"));
        List<List<String>> asked = new ArrayList<>();
        BaselineLearner learnsTomahawk = watches -> {
            asked.add(watches.stream().map(Watch::id).toList());
            return Map.of("tomahawk", tomahawkLearned); // hungary: nothing in the history to learn from
        };
        BaselineLearner learnsNothing = watches -> {
            asked.add(watches.stream().map(Watch::id).toList());
            return Map.of();
        };

        WatchBootstrap.seed(file, settings.watchDefaults(), client(), topics, learnsTomahawk);
        assertThat(asked).as("both are new").containsExactly(List.of("tomahawk", "hungary"));
        assertThat(storedWatches(topics).get("tomahawk").learned()).isEqualTo(tomahawkLearned);
        assertThat(storedWatches(topics).get("hungary").learned()).as("started cold").isNull();

        asked.clear();
        assertThat(WatchBootstrap.seed(file, settings.watchDefaults(), client(), topics, learnsTomahawk)).as("a restart writes nothing")
                .isEmpty();
        assertThat(asked).as("a restart reads no history: nothing is new").isEmpty();
        assertThat(storedWatches(topics).get("tomahawk").learned()).as("kept").isEqualTo(tomahawkLearned);

        Files.writeString(file, """
                watches:
                  - id: tomahawk
                    query: tomahawk* OR "cruise missile"
                  - id: hungary
                    entity: country:HU
                """);
        assertThat(WatchBootstrap.seed(file, settings.watchDefaults(), client(), topics, learnsNothing)).extracting(Watch::id)
                .containsExactly("tomahawk");
        assertThat(asked).as("a watch that counts something else learns again").containsExactly(List.of("tomahawk"));
        assertThat(storedWatches(topics).get("tomahawk").learned()).as("the old query's baseline is not kept for the new one")
                .isNull();

        // A stored record the alerts stage would refuse (a learned baseline with no volume, written by hand) is not copied
        // into the file's watch: the watch is learned again, as if it were new.
        LearnedBaseline broken = new LearnedBaseline(Duration.ofDays(7), 3.0, 0.0, Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-01-20T00:00:00Z"));
        WatchInput handWritten = new WatchInput(WatchInput.SCHEMA_VERSION, "hungary", null, null, null, "country:HU", null, null,
                null, null, null, null, null, null, null, broken);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(client(), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topics.watches(), "hungary", RecordSerdes.WATCH.serialize(topics.watches(),
                    handWritten))).get(30, TimeUnit.SECONDS);
        }
        asked.clear();
        WatchBootstrap.seed(file, settings.watchDefaults(), client(), topics, learnsNothing);
        assertThat(asked).as("a stored watch that does not check out counts as absent").containsExactly(List.of("hungary"));
        assertThat(storedWatches(topics).get("hungary").learned()).as("the broken baseline is gone").isNull();
    }

    private static Map<String, WatchInput> storedWatches(Topics topics) {
        try (WatchStore store = new WatchStore(client(), topics)) {
            return store.list(Duration.ofSeconds(30));
        }
    }

    @Test
    @DisplayName("enriched Tomahawk burst -> OPENED alert on the alert topic and at the webhook; a failing webhook is dead-lettered")
    void endToEnd() throws Exception {
        String hooks = "http://127.0.0.1:" + http.getAddress().getPort();
        Path watchesFile = dir.resolve("watches.yaml");
        Files.writeString(watchesFile, """
                watches:
                  - id: tomahawk
                    description: Tomahawk missiles
                    query: tomahawk*
                    webhookUrl: %s/hook
                  - id: hungary
                    entity: country:HU
                    webhookUrl: %s/broken
                """.formatted(hooks, hooks));
        AlertsSettings settings = AlertsSettings.from(Settings.of(Map.of(
                "kafka.topic-prefix", "it.",
                "app.data-dir", dir.toString(),
                "alerts.watches-file", watchesFile.toString(),
                "alerts.webhook.max-attempts", "2",
                "alerts.webhook.initial-backoff", "10ms",
                "alerts.webhook.request-timeout", "5s")));

        WatchValidator validator = new WatchValidator(settings.watchDefaults(), TOPICS);
        try (WatchStore store = new WatchStore(client(), TOPICS)) {
            store.ensureTopic(TopicLayout.defaults(TOPICS));
        }
        try (Admin admin = Admin.create(client())) {
            assertThat(admin.describeTopics(List.of(TOPICS.watches())).allTopicNames().get(30, TimeUnit.SECONDS).get(TOPICS.watches())
                    .partitions()).as("the watches topic as TopicLayout declares it").hasSize(1);
            assertThat(admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, TOPICS.watches()))).all()
                    .get(30, TimeUnit.SECONDS).values().iterator().next().get("cleanup.policy").value()).isEqualTo("compact");
        }
        assertThat(WatchBootstrap.seed(settings.watchesFile(), settings.watchDefaults(), client(), TOPICS)).extracting(Watch::id)
                .containsExactly("tomahawk", "hungary");
        assertThat(WatchBootstrap.seed(settings.watchesFile(), settings.watchDefaults(), client(), TOPICS))
                .as("a second start writes nothing").isEmpty();
        try (WatchStore store = new WatchStore(client(), TOPICS)) {
            assertThat(store.list(Duration.ofSeconds(30))).containsOnlyKeys("tomahawk", "hungary");
            // A baseline `watch add` learned for a watch of the file is kept by the next start: the file does not know it.
            LearnedBaseline learned = new LearnedBaseline(Duration.ofDays(7), 12.5, 5000.0, Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-20T00:00:00Z"));
            store.put(validator.validate(store.list(Duration.ofSeconds(30)).get("hungary")).withLearned(learned));
            assertThat(WatchBootstrap.seed(settings.watchesFile(), settings.watchDefaults(), client(), TOPICS)).as("a start after `watch add` learned").isEmpty();
            assertThat(store.list(Duration.ofSeconds(30)).get("hungary").learned()).isEqualTo(learned);
            store.put(validator.validate(new WatchInput(0, "desk", null, null, "summit", null, null, null, null, null, null, null,
                    "desk.summit", null, null, null)));
            assertThat(store.list(Duration.ofSeconds(30))).containsOnlyKeys("tomahawk", "hungary", "desk");
            store.remove("desk");
            assertThat(store.list(Duration.ofSeconds(30))).containsOnlyKeys("tomahawk", "hungary");
        }
        try (Admin admin = Admin.create(client())) {
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).as("output topic created by put").contains("it.desk.summit");
        }

        Properties base = client();
        try (KafkaStreams streams = new KafkaStreams(AlertsTopology.build(settings, TOPICS, MergeInput.of(ENRICHED_PARTITIONS)), AlertsTopology.streamsProperties(settings, base));
             WebhookDispatcher dispatcher = new WebhookDispatcher(settings, client(), TOPICS)) {
            streams.start();
            dispatcher.start();

            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(client(), new StringSerializer(),
                    new ByteArraySerializer())) {
                List<EnrichedArticle> burst = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    burst.add(Articles.tomahawk("t" + i, "outlet" + (i % 4) + ".example", now.plusMillis(i)));
                    burst.add(Articles.article("h" + i, "paper" + (i % 4) + ".example", "Summit in Budapest " + i, now.plusMillis(i),
                            List.of(Articles.HUNGARY)));
                }
                for (EnrichedArticle a : burst) {
                    producer.send(new ProducerRecord<>(TOPICS.enriched(), null, a.article().eventTime().toEpochMilli(), a.article().id(),
                            RecordSerdes.ENRICHED_ARTICLE.serialize(TOPICS.enriched(), a)));
                }
                producer.send(new ProducerRecord<>(TOPICS.enriched(), "junk", "{broken".getBytes(StandardCharsets.UTF_8)));
                // What enrich writes after its merge has released the burst and the rest of its bucket: a watermark on every
                // enriched partition, at the end of the burst's 10-minute bucket (buckets are judged when they close).
                long bucket = Duration.ofMinutes(10).toMillis();
                long released = (Math.floorDiv(now.toEpochMilli(), bucket) + 1) * bucket;
                for (int p = 0; p < ENRICHED_PARTITIONS; p++) {
                    producer.send(new ProducerRecord<>(TOPICS.enriched(), p, released, Watermark.KEY, null, Watermark.downstreamHeaders(released)));
                }
                producer.flush();
            }

            List<Alert> opened = readAlerts(2);
            assertThat(opened).extracting(Alert::watchId).contains("tomahawk", "hungary");
            Alert tomahawk = opened.stream().filter(a -> a.watchId().equals("tomahawk")).findFirst().orElseThrow();
            assertThat(tomahawk.status()).isEqualTo(AlertStatus.OPENED);
            assertThat(tomahawk.distinctSources()).isGreaterThanOrEqualTo(3);
            assertThat(tomahawk.topArticles()).isNotEmpty();

            String body = received.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            assertThat(body).as("webhook delivery").isNotNull();
            JsonNode json = Json.mapper().readTree(body);
            assertThat(json.get("text").asText()).contains("Tomahawk missiles");
            assertThat(json.get("alert").get("status").asText()).isEqualTo("OPENED");

            List<ConsumerRecord<byte[], byte[]>> dead = readDeadLetters(2);
            assertThat(dead).anySatisfy(r -> {
                assertThat(header(r, DeadLetterHeaders.STAGE)).isEqualTo("alerts-webhook");
                assertThat(header(r, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo(TOPICS.alerts());
                assertThat(header(r, DeadLetterHeaders.ERROR_MESSAGE)).contains("503").doesNotContain("/broken");
                assertThat(Json.mapper().readTree(r.value()).get("watchId").asText()).isEqualTo("hungary");
            });
            assertThat(dead).anySatisfy(r -> {
                assertThat(header(r, DeadLetterHeaders.STAGE)).isEqualTo("alerts");
                assertThat(new String(r.value(), StandardCharsets.UTF_8)).isEqualTo("{broken");
            });
        }
    }

    @Test
    @DisplayName("a stuck webhook delays only itself: another webhook still gets its alerts, and a full lane dead-letters at once")
    void stuckWebhookIsolated() throws Exception {
        Topics topics = new Topics("it2.");
        broker.createTopic(topics.watches(), 1, Map.of("cleanup.policy", "compact"));
        broker.createTopic(topics.alerts(), 1, Map.of());
        broker.createTopic(topics.dlq(), 1, Map.of());
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        BlockingQueue<String> fast = new LinkedBlockingQueue<>();
        BlockingQueue<String> slow = new LinkedBlockingQueue<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.createContext("/fast", exchange -> {
            fast.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.createContext("/slow", exchange -> {
            slow.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            try {
                release.await(); // stuck until the test has seen the fast webhook served
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        AlertsSettings settings = AlertsSettings.from(Settings.of(Map.of(
                "kafka.topic-prefix", "it2.",
                "alerts.webhook.queue-capacity", "1",
                "alerts.webhook.request-timeout", "5m")));
        WatchValidator validator = new WatchValidator(settings.watchDefaults(), topics);
        try (WatchStore store = new WatchStore(client(), topics)) {
            store.put(validator.validate(new WatchInput(0, "slow", null, null, "summit", null, null, null, null, null, null, null, null,
                    base + "/slow", null, null)));
            store.put(validator.validate(new WatchInput(0, "fast", null, null, "sanctions", null, null, null, null, null, null, null, null,
                    base + "/fast", null, null)));
        }
        try (WebhookDispatcher dispatcher = new WebhookDispatcher(settings, client(), topics);
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(client(), new StringSerializer(),
                     new ByteArraySerializer())) {
            dispatcher.start();
            // Three alerts for the stuck webhook: one in flight, one queued (capacity 1), one refused; then one for the other.
            boolean first = true;
            for (String id : List.of("slow", "slow", "slow", "fast")) {
                Alert a = new Alert(1, id + "@x", id, id, AlertStatus.OPENED, Instant.EPOCH, Instant.EPOCH.plusSeconds(600), 9, 9, 0.5,
                        8.5, 4, 4, List.of(), "Spike: " + id, Instant.EPOCH);
                producer.send(new ProducerRecord<>(topics.alerts(), id, RecordSerdes.ALERT.serialize(topics.alerts(), a)));
                producer.flush();
                if (first) {
                    assertThat(slow.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("first delivery in flight").contains("Spike: slow");
                    first = false;
                }
            }
            assertThat(fast.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("fast webhook served while slow is stuck").contains("Spike: fast");
            assertThat(release.getCount()).isEqualTo(1);

            List<ConsumerRecord<byte[], byte[]>> dead = readDeadLetters(topics, 1);
            assertThat(header(dead.getFirst(), DeadLetterHeaders.ERROR_CLASS)).isEqualTo("QueueFull");
            assertThat(header(dead.getFirst(), DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("2");

            release.countDown();
            assertThat(slow.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("queued delivery after release").contains("Spike: slow");
        } finally {
            release.countDown();
            server.stop(0);
        }
    }

    private List<Alert> readAlerts(int atLeast) {
        Properties p = client();
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "it-reader");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<Alert> out = new ArrayList<>();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            c.subscribe(List.of(TOPICS.alerts()));
            while (out.stream().map(Alert::watchId).distinct().count() < atLeast && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(500))) {
                    Alert a = RecordSerdes.ALERT.deserialize(r.topic(), r.value());
                    assertThat(r.key()).isEqualTo(a.watchId());
                    out.add(a);
                }
            }
        }
        return out;
    }

    private List<ConsumerRecord<byte[], byte[]>> readDeadLetters(int atLeast) {
        return readDeadLetters(TOPICS, atLeast);
    }

    private List<ConsumerRecord<byte[], byte[]>> readDeadLetters(Topics topics, int atLeast) {
        Properties p = client();
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "it-dlq-reader-" + topics.prefix());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            c.subscribe(List.of(topics.dlq()));
            while (out.size() < atLeast && System.nanoTime() < deadline) {
                c.poll(Duration.ofMillis(500)).forEach(out::add);
            }
        }
        return out;
    }

    private static String header(ConsumerRecord<?, ?> r, String name) {
        return new String(r.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
