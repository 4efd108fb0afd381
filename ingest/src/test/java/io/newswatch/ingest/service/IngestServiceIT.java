package io.newswatch.ingest.service;

import static io.newswatch.ingest.fetch.LocalFeedServer.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.broker.EmbeddedKafkaExtension;
import io.newswatch.core.Article;
import io.newswatch.core.RecordSerdes;
import io.newswatch.core.Settings;
import io.newswatch.core.Topics;
import io.newswatch.ingest.FeedStats;
import io.newswatch.ingest.Fixtures;
import io.newswatch.ingest.IngestSettings;
import io.newswatch.ingest.fetch.LocalFeedServer;
import io.newswatch.ingest.publish.KafkaArticlePublisher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The whole stage over the configured feeds on the real embedded KRaft broker, with feeds served by a local HTTP server. */
class IngestServiceIT {

    @RegisterExtension
    static final EmbeddedKafkaExtension broker = new EmbeddedKafkaExtension();
    private static LocalFeedServer server;

    @BeforeAll
    static void start() {
        server = new LocalFeedServer()
                .on("/wire.xml", x -> { // honours conditional GET
                    if ("\"w1\"".equals(x.getRequestHeaders().getFirst("If-None-Match"))) {
                        send(x, 304, null, new byte[0]);
                    } else {
                        x.getResponseHeaders().set("ETag", "\"w1\"");
                        send(x, 200, "application/rss+xml", Fixtures.bytes("rss20-basic.xml"));
                    }
                })
                .on("/atom.xml", x -> send(x, 200, "application/atom+xml", Fixtures.bytes("atom10-xmlbase.xml"))) // no validators
                .on("/dates.xml", x -> send(x, 200, "text/xml", Fixtures.bytes("date-variants.xml")))
                .on("/broken.xml", x -> send(x, 200, "text/html", Fixtures.bytes("html-page.html")))
                .on("/gone.xml", x -> send(x, 410, "text/plain", new byte[0]));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static IngestSettings settings(List<String> feeds) {
        return IngestSettings.from(Settings.of(Map.of("ingest.feeds", String.join(",", feeds), "ingest.parse-threads", "1",
                "ingest.min-interval", "1s", "ingest.max-interval", "5s", "ingest.read-timeout", "5s")));
    }

    private static Properties producerProperties() {
        Properties p = new Properties();
        p.put("bootstrap.servers", broker.bootstrapServers());
        return p;
    }

    /** Every record on the topic, read up to the end offsets as they are now. */
    private static List<ConsumerRecord<String, Article>> readAll(String topic) {
        Properties p = new Properties();
        p.put("bootstrap.servers", broker.bootstrapServers());
        p.put("auto.offset.reset", "earliest");
        p.put("enable.auto.commit", "false");
        try (KafkaConsumer<String, Article> consumer = new KafkaConsumer<>(p, new StringDeserializer(), RecordSerdes.ARTICLE)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, Article>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    @Test
    @DisplayName("several feeds polled twice: each article on the topic exactly once, keyed by id, timestamped with event time")
    void exactlyOncePerArticle(@TempDir Path dir) throws Exception {
        Topics topics = new Topics("twice.");
        broker.createTopic(topics.raw(), 3, Map.of());
        Path file = Files.write(dir.resolve("seed-like.xml"), Fixtures.bytes("rss10-rdf.xml"));
        List<String> feeds = List.of(server.url("/wire.xml"), server.url("/atom.xml"), server.url("/dates.xml"),
                server.url("/broken.xml"), server.url("/gone.xml"), file.toString());
        Map<String, FeedStats> stats;
        try (IngestService service = new IngestService(settings(feeds), new KafkaArticlePublisher(producerProperties(), topics.rawArticles()))) {
            service.pollAllOnce();
            service.pollAllOnce();
            stats = service.stats();
        }
        List<ConsumerRecord<String, Article>> records = readAll(topics.raw());

        int expected = 2 + 1 + 16 + 1; // wire, atom, dates, file
        assertThat(records).hasSize(expected);
        assertThat(records).extracting(ConsumerRecord::key).doesNotHaveDuplicates();
        assertThat(records).allSatisfy(r -> {
            assertThat(r.key()).isEqualTo(r.value().id());
            assertThat(r.timestamp()).isEqualTo(r.value().eventTime().toEpochMilli());
        });
        Map<String, Article> byTitle = records.stream().map(ConsumerRecord::value)
                .collect(Collectors.toMap(Article::title, Function.identity(), (a, b) -> a, HashMap::new));
        assertThat(byTitle.get("Summit set for Budapest").feedUrl()).isEqualTo(server.url("/wire.xml"));
        assertThat(byTitle.get("Gipfel in Budapest geplant").feedUrl()).isEqualTo(file.toUri().toString());

        FeedStats wire = stats.get(server.url("/wire.xml"));
        assertThat(wire.fetches()).isEqualTo(2);
        assertThat(wire.notModified()).isEqualTo(1);
        assertThat(wire.newArticles()).isEqualTo(2);
        FeedStats atom = stats.get(server.url("/atom.xml"));
        assertThat(atom.notModified()).isZero();
        assertThat(atom.newArticles()).isEqualTo(1);
        assertThat(stats.get(file.toString()).notModified()).isEqualTo(1);
        FeedStats broken = stats.get(server.url("/broken.xml"));
        assertThat(broken.errors()).isEqualTo(2);
        assertThat(broken.lastError()).contains("HTML page");
        assertThat(stats.get(server.url("/gone.xml")).lastError()).contains("HTTP 410");
        assertThat(stats.values()).extracting(FeedStats::currentInterval).allMatch(d -> d.compareTo(Duration.ZERO) > 0);
    }

    @Test
    @DisplayName("start() polls every feed on its own schedule and close() stops it")
    void startAndClose() throws Exception {
        Topics topics = new Topics("started.");
        broker.createTopic(topics.raw(), 1, Map.of());
        IngestService service = new IngestService(settings(List.of(server.url("/wire.xml"), server.url("/atom.xml"))),
                new KafkaArticlePublisher(producerProperties(), topics.rawArticles()));
        try (service) {
            service.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (service.stats().values().stream().anyMatch(s -> s.newArticles() == 0) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
        }
        assertThat(service.stats().values()).allMatch(s -> s.newArticles() > 0);
        assertThat(readAll(topics.raw())).extracting(r -> r.value().title())
                .containsExactlyInAnyOrderElementsOf(Set.of("Summit set for Budapest", "Second story", "Pentagon weighs Tomahawk stockpile"));
    }
}
