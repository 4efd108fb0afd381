package io.newswatch.bench.alerts;

import io.newswatch.alerts.AlertsSettings;
import io.newswatch.alerts.AlertsTopology;
import io.newswatch.alerts.watch.WatchStore;
import io.newswatch.alerts.watch.WatchValidator;
import io.newswatch.broker.EmbeddedKafkaBroker;
import io.newswatch.core.Alert;
import io.newswatch.core.AlertStatus;
import io.newswatch.core.Article;
import io.newswatch.core.EnrichedArticle;
import io.newswatch.core.EntityMatch;
import io.newswatch.core.EntityType;
import io.newswatch.core.EventTimeSource;
import io.newswatch.core.JsonSerde;
import io.newswatch.core.Settings;
import io.newswatch.core.Topics;
import io.newswatch.core.Watch;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
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

/**
 * End-to-end alert latency on the embedded broker: from the send of the article that makes a burst cross
 * the threshold to the OPENED alert being readable by a read_committed {@link KafkaConsumer} on
 * {@code news.alerts}. Each trial has its own watch (entity {@code weapon:bench-k}), primes it with 7
 * articles from 4 sources (below the threshold: against the 0.5 floor, 8 are needed at sensitivity 6),
 * waits for them to be processed, then sends the 8th and times it.
 *
 * <p>Configurations, all in one run on one broker: exactly-once v2 at commit intervals of 100 ms (the
 * default) and 1000 ms, at-least-once at 100 ms; baseline: a plain produce -> read_committed consume
 * round trip on the same broker (no Streams), the floor under any Kafka hop.
 *
 * <p>Usage: {@code bin/bench --main io.newswatch.bench.alerts.AlertLatencyBenchmark [trials=40]}
 */
public final class AlertLatencyBenchmark {

    private static final int PRIME = 7;
    private static final int WARMUP = 5;

    private AlertLatencyBenchmark() {
    }

    record Config(String name, String guarantee, long commitMs) {
    }

    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        List<Config> configs = List.of(
                new Config("exactly_once_v2, commit 100 ms", "exactly_once_v2", 100),
                new Config("exactly_once_v2, commit 1000 ms", "exactly_once_v2", 1000),
                new Config("at_least_once, commit 100 ms", "at_least_once", 100));
        System.out.printf(Locale.ROOT, "alert latency, %d trials per configuration (+%d warm-up), %d cores, Java %s%n",
                trials, WARMUP, Runtime.getRuntime().availableProcessors(), Runtime.version());
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startEphemeral()) {
            report("baseline: produce -> read_committed consume, no Streams", baseline(broker, trials));
            int n = 0;
            for (Config c : configs) {
                report(c.name(), run(broker, new Topics("bench" + (n++) + "."), c, trials));
            }
        }
    }

    private static long[] run(EmbeddedKafkaBroker broker, Topics topics, Config config, int trials) throws Exception {
        broker.createTopic(topics.enriched(), 6, Map.of());
        broker.createTopic(topics.watches(), 1, Map.of("cleanup.policy", "compact"));
        broker.createTopic(topics.alerts(), 3, Map.of());
        broker.createTopic(topics.dlq(), 1, Map.of());
        AlertsSettings settings = AlertsSettings.from(Settings.of(Map.of(
                "kafka.topic-prefix", topics.prefix(),
                "alerts.processing-guarantee", config.guarantee(),
                "alerts.commit-interval", config.commitMs() + "ms")));
        Properties client = new Properties();
        client.put("bootstrap.servers", broker.bootstrapServers());
        int total = trials + WARMUP;
        try (WatchStore store = new WatchStore(client, topics, new WatchValidator(settings.watchDefaults(), topics))) {
            for (int k = 0; k < total; k++) {
                store.put(new Watch(0, "bench-" + k, null, null, null, "weapon:bench-" + k, null, null, null, null, null, null, null, null, null));
            }
        }
        Properties base = new Properties();
        base.putAll(client);
        base.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("alerts-bench").toString());
        BlockingQueue<Alert> opened = new LinkedBlockingQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread reader = Thread.ofPlatform().start(() -> read(client, topics.alerts(), opened, running));
        long[] latencies = new long[trials];
        try (KafkaStreams streams = new KafkaStreams(AlertsTopology.build(settings, topics), AlertsTopology.streamsProperties(settings, base));
             KafkaProducer<String, byte[]> producer = producer(client)) {
            streams.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (streams.state() != KafkaStreams.State.RUNNING && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            for (int k = 0; k < total; k++) {
                Instant now = Instant.now();
                for (int i = 0; i < PRIME; i++) {
                    send(producer, topics, k, i, now);
                }
                producer.flush();
                Thread.sleep(config.commitMs() * 2 + 200); // let the primers pass both hops
                long start = System.nanoTime();
                send(producer, topics, k, PRIME, now);
                producer.flush();
                Alert a = awaitOpened(opened, "bench-" + k);
                long micros = (System.nanoTime() - start) / 1000;
                if (a == null) {
                    throw new IllegalStateException("no OPENED alert for watch bench-" + k + " within 30 s (" + config.name() + ")");
                }
                if (k >= WARMUP) {
                    latencies[k - WARMUP] = micros;
                }
            }
        } finally {
            running.set(false);
            reader.join();
        }
        return latencies;
    }

    private static void send(KafkaProducer<String, byte[]> producer, Topics topics, int watch, int i, Instant now) {
        String id = "w" + watch + "-a" + i;
        String domain = "outlet" + (i % 4) + ".example";
        Instant t = now.plusMillis(i);
        Article a = new Article(Article.SCHEMA_VERSION, id, "https://" + domain + "/rss", domain, domain, "Bench headline " + id, "",
                "https://" + domain + "/" + id, "https://" + domain + "/" + id, null, List.of(), List.of(), "en", t, t, t,
                EventTimeSource.PUBLISHED);
        EnrichedArticle e = new EnrichedArticle(EnrichedArticle.SCHEMA_VERSION, a, List.of(),
                List.of(new EntityMatch(EntityType.WEAPON, "weapon:bench-" + watch, "Bench " + watch, List.of())), "s-" + id, "bench", t);
        producer.send(new ProducerRecord<>(topics.enriched(), null, t.toEpochMilli(), id, JsonSerde.of(EnrichedArticle.class).serialize("x", e)));
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
                    out.add(JsonSerde.of(Alert.class).deserialize(topic, r.value()));
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
        System.out.printf(Locale.ROOT, "%-58s p50 %7.1f ms   p99 %7.1f ms   max %7.1f ms   (n=%d)%n", name,
                pct(s, 0.50) / 1000.0, pct(s, 0.99) / 1000.0, s[s.length - 1] / 1000.0, s.length);
    }

    private static long pct(long[] sorted, double q) {
        int idx = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, idx))];
    }

}
