package io.newswatch.bench.importer;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newswatch.app.importer.EventTimeSorter;
import io.newswatch.app.importer.ImportProblems;
import io.newswatch.app.importer.ImportProgress;
import io.newswatch.app.importer.ImportSink;
import io.newswatch.app.importer.ImportSummary;
import io.newswatch.app.importer.Importer;
import io.newswatch.app.importer.KafkaImportSink;
import io.newswatch.broker.EmbeddedKafkaBroker;
import io.newswatch.core.Json;
import io.newswatch.core.Settings;
import io.newswatch.core.TopicLayout;
import io.newswatch.core.TopicProvisioner;
import io.newswatch.core.Topics;
import io.newswatch.ingest.IngestSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.slf4j.LoggerFactory;

/**
 * Import throughput on the embedded broker, with its baselines measured in the same JVM, one after the other:
 *
 * <ol>
 *   <li>read: gunzip the file and parse every line into a JSON tree: the floor of any import of it;</li>
 *   <li>import without Kafka: read, normalize (ids, links, language, event time), serialize and sort, into a
 *       sink that discards (the import's own work);</li>
 *   <li>import: the same into {@code news.articles.history} on the broker ({@link KafkaImportSink}, as the CLI);</li>
 *   <li>plain producer: the import's own pre-serialized, sorted records sent again by a producer with the same
 *       settings to another topic (Kafka's share of the import);</li>
 *   <li>import with {@code ingest.detect-language=false}, to a third topic: what language detection costs.</li>
 * </ol>
 * Data: ../shared/data/newsapi-2023.jsonl.gz (213,799 real headlines) when present, else as many generated
 * simple-form lines (and it says so).
 *
 * <p>Usage (from the project root): {@code bin/bench --main io.newswatch.bench.importer.ImportThroughputBenchmark [FILE]}
 */
public final class ImportThroughputBenchmark {

    private static final Path DATA = Path.of("..", "shared", "data", "newsapi-2023.jsonl.gz");

    private ImportThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME))
                .setLevel(Level.WARN);
        Path input = args.length > 0 ? Path.of(args[0]) : DATA;
        if (!Files.exists(input)) {
            System.err.println(input
                    + " is absent: importing 213,799 generated lines instead; figures are not comparable with docs/BENCHMARKS.md");
            input = generate(213_799);
        }
        System.out.printf("input: %s (%,d bytes), %d cores, max heap %,d MB%n", input, Files.size(input),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);

        long start = System.nanoTime();
        long lines = readOnly(input);
        report("1 read (gunzip + JSON tree per line)", lines, start);

        IngestSettings ingest = IngestSettings.defaults();
        Topics topics = Topics.defaults();
        CollectingSink collected = new CollectingSink();
        ImportSummary dry = importer(ingest, topics.history()).run(List.of(input), 0, collected);
        report("2 import without Kafka (read, normalize, sort)", dry);

        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startEphemeral()) {
            Properties client = new Properties();
            client.put("bootstrap.servers", broker.bootstrapServers());
            TopicProvisioner.provision(client, TopicLayout.defaults(topics));

            ImportSummary full;
            try (KafkaImportSink sink = new KafkaImportSink(client, topics.history())) {
                full = importer(ingest, topics.history()).run(List.of(input), 0, sink);
            }
            report("3 import into " + topics.history(), full);
            System.out.println("   " + String.join("\n   ", full.lines()));

            provision(client, "bench.plain");
            long produceStart = System.nanoTime();
            try (KafkaImportSink plain = new KafkaImportSink(client, "bench.plain")) {
                collected.entries.forEach(plain::send);
                plain.flush();
            }
            report("4 plain producer of the pre-serialized sorted records", collected.entries.size(), produceStart);

            provision(client, "bench.nolang");
            IngestSettings noLanguage = IngestSettings.from(Settings.of(Map.of("ingest.detect-language", "false")));
            ImportSummary fast;
            try (KafkaImportSink sink = new KafkaImportSink(client, "bench.nolang")) {
                fast = importer(noLanguage, "bench.nolang").run(List.of(input), 0, sink);
            }
            report("5 import, ingest.detect-language=false", fast);
        }
    }

    /** As the import command creates a topic of its own: compacted, 6 partitions, waited for until usable. */
    private static void provision(Properties client, String topic) {
        TopicProvisioner.provision(client, new TopicLayout(List.of(new TopicLayout.TopicSpec("bench", topic, 6,
                Map.of("cleanup.policy", "compact"))), Optional.empty()));
    }

    private static Importer importer(IngestSettings ingest, String topic) {
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        return new Importer(ingest, Importer.Options.of(topic), new ImportProblems(err, 5, () -> { }), ImportProgress.none());
    }

    private static long readOnly(Path input) throws IOException {
        ObjectMapper json = Json.mapper();
        long n = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(input), 1 << 16),
                StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (json.readTree(line).has("title")) {
                    n++;
                }
            }
        }
        return n;
    }

    private static void report(String what, ImportSummary s) {
        System.out.printf("%-55s %,9d articles in %6.2f s = %,8.0f articles/s  (reading and sorting %.2f s, writing %.2f s; %d "
                + "bad, %d duplicates)%n",
                what, s.written(), s.took().toNanos() / 1e9, s.articlesPerSecond(), s.reading().toNanos() / 1e9,
                (s.took().toNanos() - s.reading().toNanos()) / 1e9, s.bad(), s.duplicates());
    }

    private static void report(String what, long n, long startNanos) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        System.out.printf("%-55s %,9d articles in %6.2f s = %,8.0f articles/s%n", what, n, seconds, n / seconds);
    }

    /** Keeps what the import would have written, for the plain-producer baseline. */
    private static final class CollectingSink implements ImportSink {
        final List<EventTimeSorter.Entry> entries = new ArrayList<>();

        @Override
        public void send(EventTimeSorter.Entry entry) {
            entries.add(entry);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    /** Simple-form lines shaped like the real file: a headline, a link, sometimes a summary, two times a day apart. */
    private static Path generate(int n) throws IOException {
        Path file = Files.createTempFile("import-bench-", ".jsonl.gz");
        file.toFile().deleteOnExit();
        Random random = new Random(7);
        String[] words = {"minister", "talks", "storm", "election", "market", "summit", "court", "strike", "record", "council", "border",
            "energy", "vote", "police", "health", "budget"};
        Instant t0 = Instant.parse("2023-03-15T00:00:00Z");
        ObjectMapper json = Json.mapper();
        try (Writer out = new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(file)), StandardCharsets.UTF_8)) {
            for (int i = 0; i < n; i++) {
                StringBuilder title = new StringBuilder();
                for (int w = 0; w < 9; w++) {
                    title.append(w == 0 ? "" : " ").append(words[random.nextInt(words.length)]);
                }
                Instant published = t0.plusSeconds(i * 110L);
                Map<String, String> line = new LinkedHashMap<>();
                line.put("title", title.toString());
                line.put("link", "https://outlet" + (i % 500) + ".example/news/" + i);
                if (i % 5 == 0) {
                    line.put("summary", title + " and what comes next for the " + words[i % words.length]);
                }
                line.put("source", "Outlet " + (i % 500));
                line.put("published", published.toString());
                line.put("captured", published.plusSeconds(28 * 3600).toString());
                out.write(json.writeValueAsString(line));
                out.write('\n');
            }
        }
        return file;
    }
}
