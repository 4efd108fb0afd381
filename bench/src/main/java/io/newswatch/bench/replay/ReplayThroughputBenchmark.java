package io.newswatch.bench.replay;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.management.OperatingSystemMXBean;
import io.newswatch.app.runtime.ProgressLine;
import io.newswatch.app.runtime.Replay;
import io.newswatch.app.runtime.Supervisor;
import io.newswatch.app.runtime.TopicCopier;
import io.newswatch.broker.EmbeddedKafkaBroker;
import io.newswatch.core.Article;
import io.newswatch.core.EventTimeSource;
import io.newswatch.core.Json;
import io.newswatch.core.JsonSerde;
import io.newswatch.core.RecordSerdes;
import io.newswatch.core.Settings;
import io.newswatch.core.StableHash;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.zip.GZIPInputStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.LoggerFactory;

/**
 * Replay throughput end to end: N stored articles (real headlines from ../shared/data/newsapi-2023.jsonl.gz,
 * repeated with their times moved 300 days earlier per round to reach N; generated text when the file is absent) on
 * a 6-partition topic of the embedded broker, then in the same JVM and run (1) a plain consume of that topic, the
 * baseline, and (2) {@code newswatch replay} over it: copy, enrich (shipped taxonomy and gazetteer) and detect
 * (the 8 shipped watches plus 7 more, 15 in all) until the replay has drained every topic and merge. Prints
 * articles/s of each phase and the peak heap.
 *
 * <p>{@code BENCH_JAVA_OPTS=-Xmx1g bin/bench --main io.newswatch.bench.replay.ReplayThroughputBenchmark 500000 [key=value...]}
 * (further arguments are settings, e.g. {@code enrich.threads=2})
 */
public final class ReplayThroughputBenchmark {

    private static final Path NEWSAPI = Path.of("../shared/data/newsapi-2023.jsonl.gz");
    /**
     * {@code -Ddensity=K}: each round's event times squeezed K times closer together (about 800 articles a day become
     * 800 K), for the state a denser stream keeps: dedup's and story ids' indexes hold every article of their windows.
     */
    private static final long DENSITY = Long.getLong("density", 1);
    private static final JsonSerde<Article> SERDE = RecordSerdes.ARTICLE;

    private ReplayThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME))
                .setLevel(Level.WARN);
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 500_000;
        // The articles are made and produced round by round and not kept: only the broker holds them, so the replay's
        // heap holds nothing of the benchmark's, whatever N (earlier figures counted a few hundred megabytes of them, and
        // a million did not fit in 1 GB).
        List<Article> base = baseArticles();
        Path dir = Files.createTempDirectory("replay-bench");
        Path watches = dir.resolve("watches.yaml");
        Files.writeString(watches, Files.readString(Path.of("config/watches.yaml")) + """
                  - id: bench-elections
                    tag: elections
                  - id: bench-protests
                    tag: protests
                  - id: bench-strike
                    tag: military-strike
                  - id: bench-iran
                    entity: country:IR
                  - id: bench-venezuela
                    entity: country:VE
                  - id: bench-ceasefire-query
                    query: ceasefire
                  - id: bench-earthquake-query
                    query: earthquake
                """);
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startEphemeral()) {
            String source = "stored.news.articles.history";
            broker.createTopic(source, 6, Map.of("retention.ms", "-1"));
            long t0 = System.nanoTime();
            produce(broker.bootstrapServers(), source, base, n);
            base = null;
            double produceSeconds = seconds(t0);

            long t1 = System.nanoTime();
            long consumed = consume(broker.bootstrapServers(), source);
            double consumeSeconds = seconds(t1);

            resetPeakHeap();
            Map<String, String> keys = new HashMap<>(Map.of(
                    "kafka.bootstrap-servers", broker.bootstrapServers(),
                    "app.data-dir", dir.resolve("data").toString(),
                    "alerts.watches-file", watches.toString()));
            for (int i = 1; i < args.length; i++) { // further arguments: settings, key=value
                keys.put(args[i].substring(0, args[i].indexOf('=')), args[i].substring(args[i].indexOf('=') + 1));
            }
            Settings live = Settings.of(keys);
            long t2 = System.nanoTime();
            long cpu0 = processCpuNanos();
            Replay.Result result;
            ThreadCpu threads = ThreadCpu.start();
            HeapPeak heap = HeapPeak.start();
            try (Supervisor supervisor = new Supervisor("replay benchmark")) {
                result = Replay.run(live, "bench.", new Replay.Options(List.of(source), TopicCopier.Slice.ALL, false, null), supervisor,
                        ProgressLine.onStderr());
            }
            threads.stop();
            heap.stop();
            double replaySeconds = seconds(t2);
            double cpuSeconds = (processCpuNanos() - cpu0) / 1e9;
            long peakHeap = peakHeap();
            System.out.printf("articles: %d (%s), event time %dx as dense as the file's%n", n, Files.exists(NEWSAPI)
                    ? "newsapi-2023 headlines, repeated with shifted times" : "generated: ../shared/data/newsapi-2023.jsonl.gz not found",
                    DENSITY);
            System.out.printf("produce to a 6-partition topic: %,.0f/s (%.1f s)%n", n / produceSeconds, produceSeconds);
            System.out.printf("plain consume (baseline):      %,.0f/s (%.1f s, %d records)%n", consumed / consumeSeconds, consumeSeconds,
                    consumed);
            System.out.printf("replay (copy, enrich, detect): %,.0f/s (%.1f s), finished %s, copied %d, duplicates %d, late %d/%d%n",
                    result.copied() / replaySeconds, replaySeconds, result.finished(), result.copied(), result.duplicates(),
                    result.lateEnriched(), result.lateDropped());
            System.out.printf("replay CPU (process, both cores): %.1f s, %.0f us per article%n", cpuSeconds,
                    cpuSeconds * 1e6 / Math.max(1, result.copied()));
            System.out.printf("ratio replay / plain consume: %.3f%n", (result.copied() / replaySeconds) / (consumed / consumeSeconds));
            System.out.printf("peak heap during the replay: %d MiB in use at one moment, %d MiB old generation after a collection"
                    + " (max %d MiB; sum of the pools' separate peaks %d MiB)%n", heap.peakInUse() >> 20, heap.peakAfterCollection() >> 20,
                    Runtime.getRuntime().maxMemory() >> 20, peakHeap >> 20);
            System.out.println("CPU of the replay by thread (us per article):");
            threads.perGroup().forEach((group, nanos) -> System.out.printf("  %-34s %6.0f%n", group, nanos / 1e3 / Math.max(1,
                    result.copied())));
            System.out.println("records written per topic (end offsets, transaction markers included):");
            Map<String, Long> sizes = TopicSizes.of(broker.bootstrapServers(), "bench.");
            sizes.forEach((topic, size) -> System.out.printf("  %-70s %,10d%n", topic, size));
            long deadLetters = sizes.getOrDefault("bench.news.dlq", 0L);
            if (deadLetters > 0) {
                // A replay goes on past what it cannot process, so a rate alone would hide it: this run does not count.
                System.out.printf("NOT A VALID RUN: %,d records were dead-lettered (topic bench.news.dlq)%n", deadLetters);
                System.exit(1);
            }
        }
        System.exit(0);
    }

    /** The real headlines in the file's order (or generated ones): what each round of the stored articles repeats. */
    private static List<Article> baseArticles() throws Exception {
        List<Article> base = new ArrayList<>();
        if (Files.exists(NEWSAPI)) {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(NEWSAPI)),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    JsonNode j = Json.mapper().readTree(line);
                    Instant published;
                    try {
                        published = Instant.parse(j.path("published").asText());
                    } catch (DateTimeParseException junk) {
                        continue; // the one 1970 row without a zone: real-world junk, left out here
                    }
                    base.add(article(j.path("title").asText(), j.path("summary").asText(""), j.path("link").asText(),
                            j.path("source").asText(), published));
                }
            }
        } else {
            for (int i = 0; i < 200_000; i++) {
                base.add(article("Generated headline number " + i + " about markets and weather", "", "https://gen.example/" + i,
                        "outlet" + (i % 300), Instant.parse("2023-03-15T00:00:00Z").plusSeconds(i * 110L)));
            }
        }
        return base;
    }

    /**
     * Round {@code round} of the stored articles: the base moved 300 days earlier a round (later rounds would reach past
     * today, and the broker refuses records from the future), each link (and so each id) made its own; sorted by event
     * time, then id. The base spans less than 300 days, so the rounds do not overlap in event time: written from the
     * last round to round 0, all N are in event-time order.
     */
    private static List<Article> round(List<Article> base, int round, int count) {
        Duration shift = Duration.ofDays(-300L * round);
        List<Article> out = new ArrayList<>(count);
        Instant start = base.get(0).eventTime();
        for (Article a : base.subList(0, count)) {
            Instant t = start.plus(Duration.between(start, a.eventTime()).dividedBy(DENSITY)).plus(shift);
            String link = a.link() + (round == 0 ? "" : "#r" + round);
            out.add(new Article(Article.SCHEMA_VERSION, Long.toHexString(StableHash.of(link)), a.feedUrl(), a.sourceName(),
                    a.sourceDomain(),
                    a.title(), a.summary(), link, link, null, List.of(), List.of(), "en", t, t, t, EventTimeSource.PUBLISHED));
        }
        out.sort(Comparator.comparing(Article::eventTime).thenComparing(Article::id));
        return out;
    }

    private static Article article(String title, String summary, String link, String source, Instant t) {
        String host = link.replaceFirst("^https?://", "").replaceFirst("[/?#].*$", "");
        return new Article(Article.SCHEMA_VERSION, Long.toHexString(StableHash.of(link)), "import:" + source, source, host, title,
                summary, link, link,
                null, List.of(), List.of(), "en", t, t, t, EventTimeSource.PUBLISHED);
    }

    /** Writes {@code n} articles, round after round of the base, each with its event time as the record's timestamp. */
    private static void produce(String bootstrap, String topic, List<Article> base, int n) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            int rounds = (n + base.size() - 1) / base.size();
            for (int round = rounds - 1; round >= 0; round--) { // the earliest round first
                int count = round == rounds - 1 ? n - round * base.size() : base.size();
                for (Article a : round(base, round, count)) {
                    producer.send(new ProducerRecord<>(topic, null, a.eventTime().toEpochMilli(), a.id(), SERDE.serialize(null, a)));
                }
            }
        }
    }

    private static long consume(String bootstrap, String topic) {
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = consumer.partitionsFor(topic).stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            long end = consumer.endOffsets(parts).values().stream().mapToLong(Long::longValue).sum();
            long n = 0;
            while (n < end) {
                n += consumer.poll(Duration.ofMillis(500)).count();
            }
            return n;
        }
    }

    private static void resetPeakHeap() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    /** CPU time of the whole process (every thread, the embedded broker's too): a figure that a busy machine disturbs less. */
    private static long processCpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
