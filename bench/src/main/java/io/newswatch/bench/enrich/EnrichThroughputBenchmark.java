package io.newswatch.bench.enrich;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.fasterxml.jackson.databind.JsonNode;
import io.newswatch.broker.EmbeddedKafkaBroker;
import io.newswatch.core.Article;
import io.newswatch.core.EventTimeSource;
import io.newswatch.core.Json;
import io.newswatch.core.JsonSerde;
import io.newswatch.core.RecordSerdes;
import io.newswatch.core.Settings;
import io.newswatch.core.Topics;
import io.newswatch.enrich.EnrichSettings;
import io.newswatch.enrich.EnrichTopology;
import io.newswatch.eventtime.MergeInput;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.LoggerFactory;

/**
 * End-to-end enrich throughput on the embedded broker, beside a plain consume of the same topic in the
 * same run.
 *
 * <ol>
 *   <li>Produce N articles to {@code news.articles.raw} (6 partitions, as configured by default).</li>
 *   <li>Baseline: one plain {@link KafkaConsumer} reads the N raw records (bytes, no decoding).</li>
 *   <li>Enrich: start {@link EnrichTopology} (shipped taxonomy and gazetteer, default settings, so
 *       exactly-once v2) and time until all N enriched records are visible to a read_committed consumer,
 *       both from {@code KafkaStreams#start} and from the first enriched record (steady state).</li>
 * </ol>
 * Articles are the BBC headlines in ../shared/data/bbc-headlines.jsonl when present (each given a unique
 * id and link, so dedup keeps them all and the figure is for N real articles), else generated text.
 *
 * <p>Usage (from the project root): {@code bin/bench --main io.newswatch.bench.enrich.EnrichThroughputBenchmark [N]
 * [exactly_once_v2|at_least_once] [commit interval|-] [threads]}
 */
public final class EnrichThroughputBenchmark {

    private static final Path DATA = Path.of("..", "shared", "data", "bbc-headlines.jsonl");
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private EnrichThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        // Kafka logs at DEBUG without a logback configuration; that much console output would be the benchmark.
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME))
                .setLevel(Level.WARN);
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        String guarantee = args.length > 1 ? args[1] : "exactly_once_v2";
        String commitInterval = args.length > 2 && !args[2].equals("-") ? args[2] : "";
        String threads = args.length > 3 ? args[3] : "1";
        List<Article> articles = articles(n);
        Topics topics = Topics.defaults();
        Path stateDir = Files.createTempDirectory("enrich-bench-state");

        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startEphemeral()) {
            // Unlimited retention: the articles carry their 2021-2023 timestamps, and time-based retention
            // would delete them from the log before the benchmark reads them.
            Map<String, String> keepAll = Map.of("retention.ms", "-1");
            broker.createTopic(topics.raw(), 6, keepAll);
            broker.createTopic(topics.enriched(), 6, keepAll);
            broker.createTopic(topics.dlq(), 1, keepAll);

            long produceStart = System.nanoTime();
            produce(broker.bootstrapServers(), topics.raw(), articles);
            double produceSeconds = seconds(produceStart);

            long consumeStart = System.nanoTime();
            long consumed = consume(broker.bootstrapServers(), topics.raw(), n, "read_uncommitted", null);
            double consumeSeconds = seconds(consumeStart);

            EnrichSettings settings = EnrichSettings.from(Settings.of(Map.of(
                    EnrichSettings.PROCESSING_GUARANTEE.key(), guarantee,
                    EnrichSettings.COMMIT_INTERVAL.key(), commitInterval,
                    EnrichSettings.THREADS.key(), threads,
                    EnrichSettings.STATE_DIR.key(), stateDir.toString())));
            Properties base = new Properties();
            base.put("bootstrap.servers", broker.bootstrapServers());
            long[] firstRecordAt = new long[1];
            double enrichSeconds;
            long enriched;
            try (KafkaStreams streams = new KafkaStreams(EnrichTopology.build(settings, topics, MergeInput.of(6)),
                    EnrichTopology.streamsProperties(settings, base))) {
                long enrichStart = System.nanoTime();
                streams.start();
                enriched = consume(broker.bootstrapServers(), topics.enriched(), n, "read_committed", firstRecordAt);
                enrichSeconds = seconds(enrichStart);
                streams.close(Duration.ofSeconds(30));
            }
            double steadySeconds = seconds(firstRecordAt[0]);

            System.out.printf("articles: %d (%s)%n", n, Files.exists(DATA) ? "BBC headlines from " + DATA : "generated; " + DATA
                    + " absent");
            System.out.printf("cores: %d, JVM: %s, guarantee: %s, commit interval: %s, stream threads: %d%n",
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), guarantee,
                    settings.commitInterval().map(Object::toString).orElse("Kafka's default"), settings.threads());
            System.out.printf("produce to raw:                 %8.0f records/s (%.2f s)%n", n / produceSeconds, produceSeconds);
            System.out.printf("plain consume of raw:           %8.0f records/s (%.2f s, %d records)%n", consumed / consumeSeconds,
                    consumeSeconds, consumed);
            System.out.printf("enrich end to end (from start): %8.0f articles/s (%.2f s, %d records)%n", enriched / enrichSeconds,
                    enrichSeconds, enriched);
            System.out.printf("enrich steady state:            %8.0f articles/s (%.2f s after the first enriched record)%n",
                    enriched / steadySeconds, steadySeconds);
            System.out.printf("ratio enrich (from start) / plain consume: %.3f%n",
                    (enriched / enrichSeconds) / (consumed / consumeSeconds));
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void produce(String bootstrap, String topic, List<Article> articles) throws Exception {
        JsonSerde<Article> serde = RecordSerdes.ARTICLE;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.LINGER_MS_CONFIG, 10,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"), new ByteArraySerializer(), new ByteArraySerializer())) {
            for (Article a : articles) {
                producer.send(new ProducerRecord<>(topic, null, a.eventTime().toEpochMilli(),
                        a.id().getBytes(StandardCharsets.UTF_8), serde.serialize(topic, a)));
            }
            producer.flush();
        }
    }

    /** Reads until {@code expected} records have arrived (or the timeout); notes when the first one came. */
    private static long consume(String bootstrap, String topic, int expected, String isolation, long[] firstAt) {
        long count = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-" + topic + "-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (count < expected && System.nanoTime() < deadline) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(100));
                if (!records.isEmpty() && firstAt != null && firstAt[0] == 0) {
                    firstAt[0] = System.nanoTime();
                }
                count += records.count();
            }
        }
        return count;
    }

    private static List<Article> articles(int n) throws IOException {
        List<Article> articles = new ArrayList<>(n);
        Instant fallback = Instant.parse("2022-02-24T00:00:00Z");
        if (Files.exists(DATA)) {
            try (BufferedReader reader = Files.newBufferedReader(DATA, StandardCharsets.UTF_8)) {
                String line;
                while (articles.size() < n && (line = reader.readLine()) != null) {
                    JsonNode node = Json.mapper().readTree(line);
                    Instant seen = node.hasNonNull("firstSeen") ? OffsetDateTime.parse(node.get("firstSeen").asText()).toInstant()
                            : fallback;
                    articles.add(article(articles.size(), node.path("title").asText(), node.path("summary").asText(),
                            node.path("link").asText(), seen));
                }
            }
        }
        for (int i = articles.size(); i < n; i++) {
            articles.add(article(i, "Generated headline number " + i + " about talks in Kyiv and Moscow",
                    "Officials from Ukraine and Russia met again on day " + (i % 365) + " as the United States weighed new aid.",
                    "https://example.com/generated", fallback.plusSeconds(60L * i)));
        }
        return articles;
    }

    private static Article article(int i, String title, String summary, String link, Instant time) {
        String uniqueLink = link + (link.contains("?") ? "&" : "?") + "bench=" + i;
        return new Article(Article.SCHEMA_VERSION, "bench-" + i, "https://www.bbc.com/news/rss.xml", "BBC News", "bbc.com",
                title, summary, uniqueLink, uniqueLink, null, List.of(), List.of(), "en", time, time, time, EventTimeSource.PUBLISHED);
    }
}
