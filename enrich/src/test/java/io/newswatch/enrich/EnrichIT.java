package io.newswatch.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.broker.EmbeddedKafkaExtension;
import io.newswatch.core.Article;
import io.newswatch.core.DeadLetterHeaders;
import io.newswatch.core.EnrichedArticle;
import io.newswatch.core.EntityMatch;
import io.newswatch.core.JsonSerde;
import io.newswatch.core.RecordSerdes;
import io.newswatch.core.Settings;
import io.newswatch.core.TagMatch;
import io.newswatch.core.Topics;
import io.newswatch.eventtime.MergeInput;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("EnrichTopology on the embedded broker, exactly-once v2")
class EnrichIT {

    private static final JsonSerde<Article> ARTICLES = RecordSerdes.ARTICLE;
    private static final JsonSerde<EnrichedArticle> ENRICHED = RecordSerdes.ENRICHED_ARTICLE;
    private static final Duration WAIT = Duration.ofSeconds(90);

    @RegisterExtension
    static final EmbeddedKafkaExtension broker = new EmbeddedKafkaExtension();

    @Test
    @DisplayName("raw articles come out enriched (seed article tagged by the shipped taxonomy), a repeat is dropped, garbage goes to"
            + " the DLQ; on a new instance with empty local state, dedup and story ids carry on from the changelogs")
    void rawToEnriched(@TempDir Path stateDir, @TempDir Path freshStateDir) throws Exception {
        Topics topics = new Topics("it.");
        // The fixtures are dated 2025; unlimited retention keeps the broker from deleting them as too old.
        Map<String, String> keepAll = Map.of("retention.ms", "-1");
        broker.createTopic(topics.raw(), 3, keepAll);
        broker.createTopic(topics.enriched(), 3, keepAll);
        broker.createTopic(topics.dlq(), 1, keepAll);
        EnrichSettings settings = EnrichSettings.from(Settings.of(Map.of(
                "kafka.topic-prefix", "it.",
                EnrichSettings.TAXONOMY.key(), "../config/taxonomy.yaml",
                EnrichSettings.GAZETTEER.key(), "../config/gazetteer",
                EnrichSettings.STATE_DIR.key(), stateDir.toString(),
                EnrichSettings.COMMIT_INTERVAL.key(), "100ms",
                // Three articles on three partitions: most partitions fall quiet at once, and this lets them go.
                EnrichSettings.IDLE_AFTER.key(), "2s")));
        assertThat(settings.processingGuarantee()).isEqualTo("exactly_once_v2");
        Properties base = new Properties();
        base.put("bootstrap.servers", broker.bootstrapServers());

        Article seed = Fixtures.seedArticle();
        Article other = Fixtures.article("other", "Earthquake of magnitude 6.1 strikes eastern Turkey",
                "A strong earthquake struck eastern Turkey on Monday, damaging buildings in several villages.",
                "https://example.com/quake", null, Instant.parse("2025-10-17T11:00:00Z"));
        Map<String, EnrichedArticle> enriched = new LinkedHashMap<>();
        try (KafkaStreams streams = new KafkaStreams(EnrichTopology.build(settings, topics, MergeInput.of(3)),
                EnrichTopology.streamsProperties(settings, base))) {
            streams.start();
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()), new ByteArraySerializer(), new ByteArraySerializer())) {
                send(producer, topics.raw(), seed);
                producer.send(new ProducerRecord<>(topics.raw(), null, seed.eventTime().toEpochMilli(),
                        "junk".getBytes(StandardCharsets.UTF_8), "\u0000\u0001 not json".getBytes(StandardCharsets.UTF_8)));
                send(producer, topics.raw(), seed);
                send(producer, topics.raw(), other);
                producer.flush();
            }

            for (ConsumerRecord<byte[], byte[]> r : readCommitted(topics.enriched(), 2)) {
                enriched.put(new String(r.key(), StandardCharsets.UTF_8), ENRICHED.deserialize(topics.enriched(), r.value()));
            }
            List<ConsumerRecord<byte[], byte[]>> dead = readCommitted(topics.dlq(), 1);

            assertThat(enriched).containsOnlyKeys("seed-1", "other");
            EnrichedArticle e = enriched.get("seed-1");
            assertThat(e.tags()).extracting(TagMatch::id).contains("arms-transfer", "summit").doesNotContain("elections");
            assertThat(e.entities()).extracting(EntityMatch::id).contains("person:donald-trump", "person:vladimir-putin",
                    "person:volodymyr-zelensky", "country:UA", "country:RU", "country:US", "country:HU", "weapon:tomahawk");
            assertThat(e.taxonomyVersion()).contains("+gazetteer.");
            assertThat(e.storyId()).isNotEqualTo(enriched.get("other").storyId());
            assertThat(dead).hasSize(1);
            assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("\u0000\u0001 not json");
            assertThat(new String(dead.get(0).headers().lastHeader(DeadLetterHeaders.SOURCE_TOPIC).value(), StandardCharsets.UTF_8))
                    .isEqualTo(topics.raw());
            // Leave the group on close, so the next instance gets the tasks at once rather than after the session timeout.
            streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                    .withTimeout(Duration.ofSeconds(30)));
        }

        // A second instance with an empty state directory must restore both stores from their changelogs.
        EnrichSettings restarted = EnrichSettings.from(Settings.of(Map.of(
                "kafka.topic-prefix", "it.",
                EnrichSettings.TAXONOMY.key(), "../config/taxonomy.yaml",
                EnrichSettings.GAZETTEER.key(), "../config/gazetteer",
                EnrichSettings.STATE_DIR.key(), freshStateDir.toString(),
                EnrichSettings.COMMIT_INTERVAL.key(), "100ms",
                // Three articles on three partitions: most partitions fall quiet at once, and this lets them go.
                EnrichSettings.IDLE_AFTER.key(), "2s")));
        Article copy = Fixtures.article("copy-of-other", "Opinion | Earthquake of magnitude 6.1 strikes eastern Turkey - BBC News",
                other.summary(), "https://another.example/quake", null, other.eventTime().plusSeconds(600));
        try (KafkaStreams streams = new KafkaStreams(EnrichTopology.build(restarted, topics, MergeInput.of(3)),
                EnrichTopology.streamsProperties(restarted, base))) {
            streams.start();
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()), new ByteArraySerializer(), new ByteArraySerializer())) {
                send(producer, topics.raw(), seed);
                send(producer, topics.raw(), copy);
                producer.flush();
            }
            // The reader group continues where the first read stopped: only new enriched records show up.
            List<String> keys = new ArrayList<>();
            String copyStoryId = null;
            for (ConsumerRecord<byte[], byte[]> r : readCommitted(topics.enriched(), 1)) {
                keys.add(new String(r.key(), StandardCharsets.UTF_8));
                copyStoryId = ENRICHED.deserialize(topics.enriched(), r.value()).storyId();
            }
            assertThat(keys).as("the repeated seed article is dropped").containsExactly("copy-of-other");
            assertThat(copyStoryId).isEqualTo(enriched.get("other").storyId());
            streams.close(Duration.ofSeconds(30));
        }
    }

    private static void send(KafkaProducer<byte[], byte[]> producer, String topic, Article article) {
        producer.send(new ProducerRecord<>(topic, null, article.eventTime().toEpochMilli(),
                article.id().getBytes(StandardCharsets.UTF_8), ARTICLES.serialize(topic, article)));
    }

    /**
     * Reads committed records until {@code expected} have arrived, then for one more short poll so a
     * record that should not be there (a duplicate) would show up too.
     */
    /** Enrich's watermark records (no value) are bookkeeping for alerts, not articles. */
    private static void keepArticle(List<ConsumerRecord<byte[], byte[]>> records, ConsumerRecord<byte[], byte[]> r) {
        if (r.value() != null) {
            records.add(r);
        }
    }

    private static List<ConsumerRecord<byte[], byte[]>> readCommitted(String topic, int expected) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + topic,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> keepArticle(records, r));
            }
            consumer.poll(Duration.ofSeconds(2)).forEach(r -> keepArticle(records, r));
        }
        return records;
    }
}
