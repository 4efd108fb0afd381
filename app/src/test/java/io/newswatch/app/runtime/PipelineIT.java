package io.newswatch.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.app.testing.FeedServer;
import io.newswatch.app.testing.RunSettings;
import io.newswatch.app.testing.TopicReader;
import io.newswatch.broker.EmbeddedKafkaExtension;
import io.newswatch.core.Article;
import io.newswatch.core.EnrichedArticle;
import io.newswatch.core.JsonSerde;
import io.newswatch.core.RecordSerdes;
import io.newswatch.core.Settings;
import io.newswatch.core.TagMatch;
import io.newswatch.core.Topics;
import io.newswatch.ingest.IngestSettings;
import io.newswatch.ingest.service.FeedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wiring of {@code newswatch run}: the project's sample feeds, served over HTTP on 127.0.0.1, go
 * through the real ingest and enrich stages on the embedded broker, exactly as the command starts them.
 */
@DisplayName("newswatch run: sample feeds through ingest and enrich on the embedded broker")
class PipelineIT {

    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final Path SAMPLES = Path.of("..", "samples", "feeds");

    @RegisterExtension
    static final EmbeddedKafkaExtension broker = new EmbeddedKafkaExtension();
    private static FeedServer server;

    @BeforeAll
    static void start() throws IOException {
        server = new FeedServer();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    @DisplayName("every sample article lands on raw exactly once across polls, and enriched once, tagged, with nothing dead-lettered")
    void samplesFlowThrough(@TempDir Path dataDir) throws Exception {
        List<String> paths = new ArrayList<>();
        try (Stream<Path> files = Files.list(SAMPLES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".xml")).sorted().toList()) {
                String path = "/feeds/" + f.getFileName();
                // Without <ttl>, so that the test's one-second poll interval applies to every feed.
                // (Latin-1 maps bytes to chars one to one, so every other byte stays as it was, whatever the feed's encoding.)
                byte[] body = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).replaceAll("<ttl>\\d+</ttl>", "")
                        .getBytes(StandardCharsets.ISO_8859_1);
                server.serve(path, fetch -> body);
                paths.add(path);
            }
        }
        List<String> urls = paths.stream().map(server::url).toList();
        Topics topics = new Topics("it-run.");
        Settings settings = Settings.of(RunSettings.of(broker.bootstrapServers(), topics, dataDir, urls, "../config/watches.yaml"));

        // What the ingest stage must publish: the articles the same feeds yield to `newswatch parse`.
        IngestSettings ingest = IngestSettings.from(settings);
        Set<String> expectedIds = urls.stream().flatMap(u -> FeedReader.read(u, ingest).articles().stream())
                .map(Article::id).collect(Collectors.toSet());
        assertThat(expectedIds).hasSizeGreaterThan(10);

        Pipeline pipeline = Pipeline.plan(settings, Pipeline.EVERY_STAGE);
        try (Supervisor supervisor = new Supervisor("PipelineIT")) {
            KafkaCluster cluster = supervisor.manage(KafkaCluster.connectOrStartEmbedded(pipeline.app()));
            assertThat(cluster.embedded()).isFalse();
            pipeline.start(cluster, supervisor);

            // Three polls of every feed: the second one's articles, had it re-sent any, are on the topic by then.
            awaitFetches(paths, 3 + 1);
            List<ConsumerRecord<String, byte[]>> raw = TopicReader.readAll(broker.bootstrapServers(), topics.raw());
            List<String> rawIds = raw.stream().map(ConsumerRecord::key).toList();
            assertThat(rawIds).doesNotHaveDuplicates();
            assertThat(Set.copyOf(rawIds)).isEqualTo(expectedIds);
            JsonSerde<Article> articles = RecordSerdes.ARTICLE;
            assertThat(raw).allSatisfy(r -> {
                Article a = articles.deserialize(r.topic(), r.value());
                assertThat(r.key()).isEqualTo(a.id());
                assertThat(r.timestamp()).isEqualTo(a.eventTime().toEpochMilli());
            });

            awaitEnriched(pipeline, io.newswatch.enrich.EnrichSettings.from(settings).applicationId(), topics.raw());
            assertThat(supervisor.stopRequested()).as("no stage failed").isFalse();
        }

        // Records without a value are enrich's watermarks (docs/RECORDS.md), not articles.
        List<ConsumerRecord<String, byte[]>> enrichedRecords = TopicReader.readAll(broker.bootstrapServers(), topics.enriched()).stream()
                .filter(r -> r.value() != null).toList();
        JsonSerde<EnrichedArticle> serde = RecordSerdes.ENRICHED_ARTICLE;
        Map<String, EnrichedArticle> enriched = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : enrichedRecords) {
            assertThat(enriched.put(r.key(), serde.deserialize(r.topic(), r.value()))).as("enriched once: " + r.key()).isNull();
        }
        assertThat(enriched.keySet()).isNotEmpty().isSubsetOf(expectedIds);
        assertThat(enriched.values()).allSatisfy(e -> {
            assertThat(e.taxonomyVersion()).isNotBlank();
            assertThat(e.storyId()).isNotBlank();
        });
        EnrichedArticle seed = enriched.values().stream()
                .filter(e -> e.article().feedUrl().endsWith("/seed.xml") && e.article().title().contains("Tomahawk"))
                .findFirst().orElseThrow(() -> new AssertionError("the seed article is not on " + topics.enriched()));
        assertThat(seed.tags()).extracting(TagMatch::id).contains("arms-transfer", "summit");
        assertThat(TopicReader.readAll(broker.bootstrapServers(), topics.dlq())).as("dead letters").isEmpty();

        // Stopped, the enrich stage can be reset on request: offsets, internal topics and local state go.
        String applicationId = io.newswatch.enrich.EnrichSettings.from(settings).applicationId();
        assertThat(dataDir.resolve("streams").resolve(applicationId)).exists();
        int reset = io.newswatch.app.NewswatchCommand.commandLine().execute("reset", "enrich", "--bootstrap-servers", broker.bootstrapServers(),
                "--topic-prefix", topics.prefix(), "--data-dir", dataDir.toString());
        assertThat(reset).isEqualTo(io.newswatch.app.cli.ExitCodes.OK);
        assertThat(dataDir.resolve("streams").resolve(applicationId)).doesNotExist();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            assertThat(admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata().get()).isEmpty();
            assertThat(admin.listTopics().names().get()).noneMatch(t -> t.startsWith(applicationId + "-"));
        }
    }

    @Test
    @DisplayName("a webhook dispatcher that dies of an error stops the command with exit code 1, as a failed Streams stage does")
    void deliveryFailureStopsTheCommand(@TempDir Path dataDir) throws Exception {
        Map<String, String> values = new HashMap<>(RunSettings.of(broker.bootstrapServers(), new Topics("it-deliver."), dataDir, List.of(),
                "../config/watches.yaml"));
        // No committed offset and no reset policy: the dispatcher's consumer cannot start reading, and its first poll throws.
        values.put("kafka.properties.auto.offset.reset", "none");
        Pipeline pipeline = Pipeline.plan(Settings.of(values), List.of(DeliverStage::plan));
        try (Supervisor supervisor = new Supervisor("PipelineIT")) {
            KafkaCluster cluster = supervisor.manage(KafkaCluster.connectOrStartEmbedded(pipeline.app()));
            pipeline.start(cluster, supervisor);
            long end = System.nanoTime() + DEADLINE.toNanos();
            while (!supervisor.stopRequested() && System.nanoTime() < end) {
                Thread.sleep(100);
            }
            assertThat(supervisor.stopRequested()).as("the supervisor heard of the failure").isTrue();
            assertThat(supervisor.awaitStop()).as("exit code").isEqualTo(1);
        }
    }

    private static void awaitFetches(List<String> paths, int fetches) throws InterruptedException {
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (paths.stream().anyMatch(p -> server.fetches(p) < fetches) && System.nanoTime() < end) {
            Thread.sleep(200);
        }
        assertThat(paths).allSatisfy(p -> assertThat(server.fetches(p)).as("fetches of " + p).isGreaterThanOrEqualTo(fetches));
    }

    /**
     * Waits until the enrich application has committed the end of its input topic and of its merge's repartition
     * topic, and the merge has released every article (the raw partitions have gone idle).
     */
    private static void awaitEnriched(Pipeline pipeline, String applicationId, String input) throws InterruptedException {
        String merged = applicationId + "-" + io.newswatch.enrich.EnrichTopology.MERGE + "-repartition";
        try (GroupProgress progress = new GroupProgress(clientProperties())) {
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            while (!(progress.caughtUp(applicationId, input) && progress.lag(applicationId, merged) == 0
                    && pipeline.enrichMerge().drained() && pipeline.enrichMerge().buffered() == 0) && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(progress.caughtUp(applicationId, input)).as(applicationId + " caught up with " + input).isTrue();
            assertThat(pipeline.enrichMerge().drained()).as("enrich's merge has released every article").isTrue();
        }
    }

    private static java.util.Properties clientProperties() {
        java.util.Properties p = new java.util.Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        return p;
    }
}
