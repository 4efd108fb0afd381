package io.newswatch.bench.alerts;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.newswatch.alerts.AlertsSettings;
import io.newswatch.alerts.AlertsTopology;
import io.newswatch.alerts.watch.WatchStore;
import io.newswatch.alerts.watch.WatchValidator;
import io.newswatch.broker.EmbeddedKafkaBroker;
import io.newswatch.core.Alert;
import io.newswatch.core.AlertStatus;
import io.newswatch.core.Article;
import io.newswatch.core.EnrichedArticle;
import io.newswatch.core.JsonSerde;
import io.newswatch.core.RecordSerdes;
import io.newswatch.core.Settings;
import io.newswatch.core.Topics;
import io.newswatch.enrich.EnrichSettings;
import io.newswatch.enrich.EnrichTopology;
import io.newswatch.eventtime.MergeInput;
import io.newswatch.eventtime.Watermark;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.LoggerFactory;

/**
 * End-to-end alert latency on the embedded broker: from the send of the article that makes a burst cross
 * the threshold to the OPENED alert being readable by a read_committed {@link KafkaConsumer} on
 * {@code news.alerts}. Each trial has its own watch ({@link TrialArticles}), primes it with 7 articles
 * from 4 sources (below the threshold: against the 0.5 floor, 8 are needed at sensitivity 6), waits for
 * them to be processed, then sends the 8th and times it.
 *
 * <p>Where the clock starts ({@code --from}):
 * <ul>
 *   <li>{@code enriched} (default): an {@code EnrichedArticle} produced to {@code news.articles.enriched};
 *       only {@link AlertsTopology} runs. Configurations: exactly-once v2 at commit intervals of 100 ms
 *       (the default) and 1000 ms, at-least-once at 100 ms.</li>
 *   <li>{@code raw}: an {@code Article} produced to {@code news.articles.raw}, as ingest does;
 *       {@link EnrichTopology} (shipped taxonomy and gazetteer from config/) and {@link AlertsTopology}
 *       both run, with their default settings. Configurations: both stages exactly-once v2, then both
 *       at-least-once; commit intervals at their defaults throughout.</li>
 * </ul>
 * Every run starts with the baseline: a plain produce -> read_committed consume round trip on the same
 * broker (no Streams), the floor under any Kafka hop. All configurations share one broker.
 *
 * <p>Usage: {@code bin/bench --main io.newswatch.bench.alerts.AlertLatencyBenchmark [trials=40] [--from raw|enriched]}
 * (run from the project root in raw mode: the enrich stage reads config/taxonomy.yaml and config/gazetteer).
 */
public final class AlertLatencyBenchmark {

    private static final int PRIME = 7;
    private static final int WARMUP = 5;
    /** Kafka Streams' commit interval under exactly-once, and alerts.commit-interval's default. */
    private static final long DEFAULT_COMMIT_MS = 100;

    private static final JsonSerde<Article> ARTICLES = RecordSerdes.ARTICLE;
    private static final JsonSerde<EnrichedArticle> ENRICHED = RecordSerdes.ENRICHED_ARTICLE;

    private static final int ENRICHED_PARTITIONS = 6;

    private AlertLatencyBenchmark() {
    }

    /**
     * One pipeline configuration. {@code alertsCommitMs} sets {@code alerts.commit-interval}; null keeps the
     * default. The enrich stage (raw mode only) always keeps its default commit interval.
     */
    record Config(String name, String guarantee, Long alertsCommitMs) {

        /** The commit interval both stages run with: the alerts setting, else Kafka's exactly-once default. */
        long commitMs() {
            return alertsCommitMs != null ? alertsCommitMs : DEFAULT_COMMIT_MS;
        }
    }

    public static void main(String[] args) throws Exception {
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME))
                .setLevel(Level.WARN);
        int trials = 40;
        EntryTopic from = EntryTopic.ENRICHED;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--from") && i + 1 < args.length) {
                from = EntryTopic.parse(args[++i]);
            } else if (args[i].startsWith("--from=")) {
                from = EntryTopic.parse(args[i].substring("--from=".length()));
            } else {
                trials = Integer.parseInt(args[i]);
            }
        }
        List<Config> configs = from == EntryTopic.RAW
                ? List.of(
                        new Config("raw -> alert, exactly_once_v2, default commit intervals", "exactly_once_v2", null),
                        new Config("raw -> alert, at_least_once, default commit intervals", "at_least_once", null))
                : List.of(
                        new Config("exactly_once_v2, commit 100 ms", "exactly_once_v2", 100L),
                        new Config("exactly_once_v2, commit 1000 ms", "exactly_once_v2", 1000L),
                        new Config("at_least_once, commit 100 ms", "at_least_once", 100L));
        System.out.printf(Locale.ROOT, "alert latency from %s, %d trials per configuration (+%d warm-up), %d cores, Java %s, load %.2f%n",
                from == EntryTopic.RAW ? Topics.RAW : Topics.ENRICHED, trials, WARMUP, Runtime.getRuntime().availableProcessors(),
                Runtime.version(), loadAverage());
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startEphemeral()) {
            report("baseline: produce -> read_committed consume, no Streams", baseline(broker, trials));
            int n = 0;
            for (Config c : configs) {
                report(c.name(), run(broker, new Topics("bench" + (n++) + "."), from, c, trials));
            }
        }
    }

    private static long[] run(EmbeddedKafkaBroker broker, Topics topics, EntryTopic from, Config config, int trials)
            throws Exception {
        if (from == EntryTopic.RAW) {
            broker.createTopic(topics.raw(), 6, Map.of());
        }
        broker.createTopic(topics.enriched(), ENRICHED_PARTITIONS, Map.of());
        broker.createTopic(topics.watches(), 1, Map.of("cleanup.policy", "compact"));
        broker.createTopic(topics.alerts(), 3, Map.of());
        broker.createTopic(topics.dlq(), 1, Map.of());
        Map<String, String> keys = new HashMap<>(Map.of(
                "kafka.topic-prefix", topics.prefix(),
                "alerts.processing-guarantee", config.guarantee(),
                EnrichSettings.PROCESSING_GUARANTEE.key(), config.guarantee(),
                EnrichSettings.STATE_DIR.key(), Files.createTempDirectory("enrich-bench").toString()));
        if (config.alertsCommitMs() != null) {
            keys.put("alerts.commit-interval", config.alertsCommitMs() + "ms");
        }
        Settings settings = Settings.of(keys);
        AlertsSettings alerts = AlertsSettings.from(settings);
        TrialArticles articles = new TrialArticles(from);
        Properties client = new Properties();
        client.put("bootstrap.servers", broker.bootstrapServers());
        int total = trials + WARMUP;
        WatchValidator validator = new WatchValidator(alerts.watchDefaults(), topics);
        try (WatchStore store = new WatchStore(client, topics)) {
            for (int k = 0; k < total; k++) {
                store.put(validator.validate(articles.watch(k)));
            }
        }
        Properties base = new Properties();
        base.putAll(client);
        base.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("alerts-bench").toString());
        List<KafkaStreams> stages = new ArrayList<>();
        if (from == EntryTopic.RAW) {
            EnrichSettings enrich = EnrichSettings.from(settings);
            stages.add(new KafkaStreams(EnrichTopology.build(enrich, topics, MergeInput.of(6)),
                    EnrichTopology.streamsProperties(enrich, base)));
        }
        stages.add(new KafkaStreams(AlertsTopology.build(alerts, topics, MergeInput.of(ENRICHED_PARTITIONS)),
                AlertsTopology.streamsProperties(alerts, base)));
        BlockingQueue<Alert> opened = new LinkedBlockingQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread reader = Thread.ofPlatform().start(() -> read(client, topics.alerts(), opened, running));
        long[] latencies = new long[trials];
        // Long enough for the primers to cross every transactional hop before the timed article is sent.
        long primerWaitMs = from.transactionHops() * config.commitMs() + 300;
        try (KafkaProducer<String, byte[]> producer = producer(client)) {
            for (KafkaStreams s : stages) {
                s.start();
            }
            awaitRunning(stages);
            for (int k = 0; k < total; k++) {
                Instant now = Instant.now();
                for (int i = 0; i < PRIME; i++) {
                    send(producer, topics, articles, k, i, now);
                }
                producer.flush();
                Thread.sleep(primerWaitMs);
                long start = System.nanoTime();
                long timed = send(producer, topics, articles, k, PRIME, now);
                if (from == EntryTopic.ENRICHED) {
                    // What enrich writes once it has released the article: its watermark, on every enriched partition.
                    for (int p = 0; p < ENRICHED_PARTITIONS; p++) {
                        producer.send(new ProducerRecord<>(topics.enriched(), p, timed + 1, Watermark.KEY, null,
                                Watermark.downstreamHeaders(timed + 1)));
                    }
                }
                producer.flush();
                Alert a = awaitOpened(opened, TrialArticles.watchId(k));
                long micros = (System.nanoTime() - start) / 1000;
                if (a == null) {
                    throw new IllegalStateException("no OPENED alert for watch " + TrialArticles.watchId(k) + " within 30 s ("
                            + config.name() + ")");
                }
                if (k >= WARMUP) {
                    latencies[k - WARMUP] = micros;
                }
            }
        } finally {
            running.set(false);
            reader.join();
            for (KafkaStreams s : stages) {
                s.close(Duration.ofSeconds(30));
            }
        }
        return latencies;
    }

    private static void awaitRunning(List<KafkaStreams> stages) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (KafkaStreams s : stages) {
            while (s.state() != KafkaStreams.State.RUNNING && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            if (s.state() != KafkaStreams.State.RUNNING) {
                throw new IllegalStateException("a Streams stage did not reach RUNNING within 60 s: " + s.state());
            }
        }
    }

    /** Sends article {@code i} of the trial; returns its event time. */
    private static long send(KafkaProducer<String, byte[]> producer, Topics topics, TrialArticles articles, int trial, int i,
            Instant now) {
        Article a = articles.article(trial, i, now);
        long timestamp = a.eventTime().toEpochMilli();
        if (articles.from() == EntryTopic.RAW) {
            producer.send(new ProducerRecord<>(topics.raw(), null, timestamp, a.id(), ARTICLES.serialize(topics.raw(), a)));
        } else {
            producer.send(new ProducerRecord<>(topics.enriched(), null, timestamp, a.id(),
                    ENRICHED.serialize(topics.enriched(), articles.enriched(trial, i, now))));
        }
        return timestamp;
    }

    private static Alert awaitOpened(BlockingQueue<Alert> opened, String watchId) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            Alert a = opened.poll(100, TimeUnit.MILLISECONDS);
            if (a != null && a.watchId().equals(watchId) && a.status() == AlertStatus.OPENED) {
                return a;
            }
        }
        return null;
    }

    private static void read(Properties client, String topic, BlockingQueue<Alert> out, AtomicBoolean running) {
        Properties p = new Properties();
        p.putAll(client);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-reader-" + topic);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "10");
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            c.subscribe(List.of(topic));
            while (running.get()) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(50))) {
                    out.add(RecordSerdes.ALERT.deserialize(topic, r.value()));
                }
            }
        }
    }

    private static long[] baseline(EmbeddedKafkaBroker broker, int trials) throws Exception {
        String topic = "bench.baseline";
        broker.createTopic(topic, 1, Map.of());
        Properties client = new Properties();
        client.put("bootstrap.servers", broker.bootstrapServers());
        Properties p = new Properties();
        p.putAll(client);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-baseline");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "10");
        long[] latencies = new long[trials];
        try (KafkaProducer<String, byte[]> producer = producer(client);
             KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            c.subscribe(List.of(topic));
            while (c.assignment().isEmpty()) {
                c.poll(Duration.ofMillis(100));
            }
            for (int k = 0; k < trials + WARMUP; k++) {
                long start = System.nanoTime();
                producer.send(new ProducerRecord<>(topic, "k", new byte[200]));
                producer.flush();
                int got = 0;
                while (got == 0) {
                    got = c.poll(Duration.ofMillis(50)).count();
                }
                if (k >= WARMUP) {
                    latencies[k - WARMUP] = (System.nanoTime() - start) / 1000;
                }
            }
        }
        return latencies;
    }

    private static KafkaProducer<String, byte[]> producer(Properties client) {
        Properties p = new Properties();
        p.putAll(client);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    private static void report(String name, long[] micros) {
        long[] s = micros.clone();
        Arrays.sort(s);
        System.out.printf(Locale.ROOT, "%-58s p50 %7.1f ms   p99 %7.1f ms   max %7.1f ms   (n=%d, load %.2f)%n", name,
                pct(s, 0.50) / 1000.0, pct(s, 0.99) / 1000.0, s[s.length - 1] / 1000.0, s.length, loadAverage());
    }

    /** The 1-minute system load average, to show how quiet the machine was (negative where unavailable). */
    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static long pct(long[] sorted, double q) {
        int idx = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, idx))];
    }

}
