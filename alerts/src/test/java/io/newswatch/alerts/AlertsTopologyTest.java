package io.newswatch.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.alerts.testing.Articles;
import io.newswatch.core.Alert;
import io.newswatch.core.AlertStatus;
import io.newswatch.core.DeadLetterHeaders;
import io.newswatch.core.EnrichedArticle;
import io.newswatch.core.RecordSerdes;
import io.newswatch.core.Settings;
import io.newswatch.core.StreamsApp;
import io.newswatch.core.Topics;
import io.newswatch.core.WatchInput;
import io.newswatch.core.failure.StreamsFailurePolicy;
import io.newswatch.eventtime.MergeInput;
import io.newswatch.eventtime.Watermark;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertsTopologyTest {

    static final Topics TOPICS = Topics.defaults();
    /**
     * A watch with no history is judged against the floor (2 a day, 0.014 per 10 minutes), so a handful of articles in one
     * bucket is far beyond sensitivity 4; the gate decides: 6 articles from 3 sources in one bucket open an alert, 5 do not.
     */
    static final AlertsSettings SETTINGS = AlertsSettings.from(Settings.of(Map.of(
            "alerts.defaults.sensitivity", "4",
            "alerts.defaults.min-articles", "6",
            "alerts.defaults.bucket", "10m")));
    /** An alert stays open while any window (up to a day) is above baseline, then for the quiet time (1d) after. */
    static final Duration UNTIL_RESOLVED = Duration.ofDays(2).plusHours(1);
    static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z"); // a bucket boundary
    static final Duration BUCKET = Duration.ofMinutes(10);

    @TempDir
    Path stateDir;

    TopologyTestDriver driver;
    TestInputTopic<String, byte[]> articles;
    TestInputTopic<String, byte[]> watches;
    TestOutputTopic<String, Alert> alerts;
    int seq;

    @BeforeEach
    void start() {
        driver = newDriver(stateDir);
        articles = driver.createInputTopic(TOPICS.enriched(), new StringSerializer(), new ByteArraySerializer());
        watches = driver.createInputTopic(TOPICS.watches(), new StringSerializer(), new ByteArraySerializer());
        alerts = driver.createOutputTopic(TOPICS.alerts(), new StringDeserializer(), RecordSerdes.ALERT);
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    static TopologyTestDriver newDriver(Path stateDir) {
        Properties base = new Properties();
        base.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        AlertsSettings local = AlertsSettings.from(Settings.of(Map.of(StreamsApp.DATA_DIR.key(), stateDir.toString())));
        return new TopologyTestDriver(AlertsTopology.build(SETTINGS, TOPICS, MergeInput.of(1)),
                AlertsTopology.streamsProperties(local, base));
    }

    static WatchInput tomahawkWatch() {
        return new WatchInput(WatchInput.SCHEMA_VERSION, "tomahawk", "Tomahawk missiles", null, null, "weapon:tomahawk",
                null, null, null, null, null, null, null, null, null, null);
    }

    void addWatch(WatchInput w) {
        watches.pipeInput(w.id(), RecordSerdes.WATCH.serialize(TOPICS.watches(), w));
    }

    void tomahawk(Instant at, String domain) {
        pipe(Articles.tomahawk("t" + (seq++), domain, at));
    }

    void other(Instant at) {
        pipe(Articles.other("o" + (seq++), "weather.example", at));
    }

    /** Newest event time piped so far. */
    Instant newest = Instant.EPOCH;

    void pipe(EnrichedArticle a) {
        newest = a.article().eventTime().isAfter(newest) ? a.article().eventTime() : newest;
        articles.pipeInput(new TestRecord<>(a.article().id(), RecordSerdes.ENRICHED_ARTICLE.serialize(TOPICS.enriched(), a),
                null, a.article().eventTime()));
    }

    /** {@code n} Tomahawk articles one second apart from {@code start}, sources rotating over {@code sources} domains. */
    void burst(Instant start, int n, int sources) {
        for (int i = 0; i < n; i++) {
            tomahawk(start.plusSeconds(i), "outlet" + (i % sources) + ".example");
        }
    }

    /** The alerts once everything sent has been released: the input partition goes idle and the merge lets all go. */
    List<Alert> alertValues() {
        return flushed().readValuesToList();
    }

    /**
     * The alerts once enrich has said it released everything piped so far, up to the end of the newest article's bucket:
     * buckets are judged when they close.
     */
    TestOutputTopic<String, Alert> flushed() {
        long bucket = BUCKET.toMillis();
        flush(driver, Instant.ofEpochMilli((Math.floorDiv(newest.toEpochMilli(), bucket) + 1) * bucket));
        return alerts;
    }

    /** What enrich does after releasing everything up to {@code upTo}: a watermark on the enriched topic. */
    static void flush(TopologyTestDriver d, Instant upTo) {
        d.createInputTopic(TOPICS.enriched(), new StringSerializer(), new ByteArraySerializer())
                .pipeInput(new TestRecord<String, byte[]>(Watermark.KEY, null, Watermark.downstreamHeaders(upTo.toEpochMilli()), upTo));
    }

    @Test
    @DisplayName("a burst of Tomahawk articles from several outlets opens one alert, keyed by watch id, when its bucket closes")
    void burstOpensAlert() {
        addWatch(tomahawkWatch());
        burst(T0.plus(Duration.ofMinutes(3)), 8, 4);

        List<TestRecord<String, Alert>> out = flushed().readRecordsToList();
        assertThat(out).hasSizeGreaterThanOrEqualTo(1);
        TestRecord<String, Alert> first = out.getFirst();
        assertThat(first.key()).isEqualTo("tomahawk");
        Alert a = first.value();
        assertThat(a.status()).isEqualTo(AlertStatus.OPENED);
        assertThat(a.bucketStart()).isEqualTo(T0);
        assertThat(a.bucketEnd()).isEqualTo(T0.plus(BUCKET));
        assertThat(a.observed()).isEqualTo(8); // the whole bucket, judged when it closed
        assertThat(a.distinctSources()).isEqualTo(4);
        assertThat(a.expected()).isEqualTo(0.014);
        assertThat(a.eventTime()).isEqualTo(T0.plus(BUCKET));
        assertThat(a.topArticles()).hasSize(4).allSatisfy(t -> assertThat(t.link()).startsWith("https://"));
        assertThat(a.summary()).contains("Tomahawk missiles").contains("8 articles from 4 sources");
        assertThat(out).extracting(r -> r.value().status()).doesNotContain(AlertStatus.RESOLVED);
    }

    @Test
    @DisplayName("window edges: an article at exactly the bucket end belongs to the next bucket")
    void windowEdges() {
        addWatch(tomahawkWatch());
        Instant end = T0.plus(BUCKET);
        burst(end.minusSeconds(5), 5, 5); // five in [end-5s, end-1s]: not enough on their own
        tomahawk(end, "outlet9.example"); // the sixth at the end instant: the next bucket
        assertThat(alertValues()).isEmpty();

        Instant laterEnd = T0.plus(BUCKET.multipliedBy(20));
        burst(laterEnd.minusSeconds(5), 5, 5);
        tomahawk(laterEnd.minusMillis(1), "outlet8.example"); // the last millisecond of the bucket: sixth there
        List<Alert> out = alertValues();
        assertThat(out).extracting(Alert::status).containsExactly(AlertStatus.OPENED);
        assertThat(out.getFirst().bucketStart()).isEqualTo(laterEnd.minus(BUCKET));
    }

    @Test
    @DisplayName("a hit below its partition's watermark (enrich wrote it out of order) is left out of detection")
    void hitsBelowTheWatermarkAreDropped() {
        addWatch(tomahawkWatch());
        burst(T0.plusSeconds(60), 5, 5);
        flush(driver, T0.plus(Duration.ofMinutes(10)));
        tomahawk(T0.plusSeconds(300), "late.example"); // the sixth, in the bucket enrich has already released
        assertThat(alertValues()).extracting(Alert::status).doesNotContain(AlertStatus.OPENED);

        Instant next = T0.plus(BUCKET.multipliedBy(30));
        burst(next, 5, 5);
        tomahawk(next.plusSeconds(300), "in-time.example"); // the sixth before the watermark passes it: counted
        assertThat(alertValues()).extracting(Alert::status).containsExactly(AlertStatus.OPENED);
    }

    @Test
    @DisplayName("a watch added at runtime through the watches topic starts counting; a tombstone stops it")
    void watchAddedAndRemovedAtRuntime() {
        burst(T0, 8, 4); // no watch yet: nothing
        assertThat(alertValues()).isEmpty();

        addWatch(tomahawkWatch());
        burst(T0.plus(BUCKET).plusSeconds(10), 8, 4);
        assertThat(alertValues()).extracting(Alert::status).startsWith(AlertStatus.OPENED);

        watches.pipeInput("tomahawk", (byte[]) null);
        Instant later = T0.plus(BUCKET.multipliedBy(40));
        burst(later, 20, 5);
        other(later.plus(BUCKET.multipliedBy(3)));
        assertThat(alertValues()).isEmpty();
    }

    @Test
    @DisplayName("an invalid watch on the topic is ignored; the valid ones keep working")
    void invalidWatchIgnored() {
        watches.pipeInput("broken", "{\"id\":\"broken\",\"tag\":\"a\",\"entity\":\"country:HU\"}".getBytes(StandardCharsets.UTF_8));
        watches.pipeInput("garbage", "not json".getBytes(StandardCharsets.UTF_8));
        addWatch(tomahawkWatch());
        burst(T0, 8, 4);
        assertThat(alertValues()).extracting(Alert::watchId).containsOnly("tomahawk");
    }

    @Test
    @DisplayName("the same articles in a different arrival order within the grace period give the same lifecycle")
    void orderIndependence(@TempDir Path otherStateDir) {
        List<EnrichedArticle> input = new ArrayList<>();
        for (int b = 0; b < 6; b++) {
            input.add(Articles.tomahawk("base" + b, "outlet" + b + ".example", T0.plus(BUCKET.multipliedBy(b)).plusSeconds(30)));
        }
        Instant spike = T0.plus(BUCKET.multipliedBy(6));
        for (int i = 0; i < 9; i++) {
            input.add(Articles.tomahawk("spike" + i, "outlet" + (i % 4) + ".example", spike.plusSeconds(20L * i)));
        }
        for (int i = 0; i < 3; i++) {
            input.add(Articles.other("tick" + i, "weather.example", spike.plus(UNTIL_RESOLVED).plus(BUCKET.multipliedBy(i))));
        }

        List<String> inOrder = lifecycle(input, stateDir.resolve("a"));
        List<EnrichedArticle> shuffled = new ArrayList<>(input.subList(0, 6));
        List<EnrichedArticle> spikeArticles = new ArrayList<>(input.subList(6, 15));
        Collections.reverse(spikeArticles); // newest first: every other one arrives late, within grace
        shuffled.addAll(spikeArticles);
        shuffled.addAll(input.subList(15, 18));
        List<String> reversed = lifecycle(shuffled, otherStateDir);

        assertThat(inOrder).hasSize(2);
        assertThat(inOrder.getFirst()).isEqualTo("OPENED tomahawk@" + spike + " bucket " + spike);
        assertThat(inOrder.getLast()).startsWith("RESOLVED tomahawk@" + spike + " bucket ").endsWith(" observed 0");
        assertThat(reversed).isEqualTo(inOrder);
    }

    private List<String> lifecycle(List<EnrichedArticle> input, Path dir) {
        try (TopologyTestDriver d = newDriver(dir)) {
            TestInputTopic<String, byte[]> in = d.createInputTopic(TOPICS.enriched(), new StringSerializer(), new ByteArraySerializer());
            d.createInputTopic(TOPICS.watches(), new StringSerializer(), new ByteArraySerializer())
                    .pipeInput("tomahawk", RecordSerdes.WATCH.serialize(TOPICS.watches(), tomahawkWatch()));
            for (EnrichedArticle a : input) {
                in.pipeInput(new TestRecord<>(a.article().id(), RecordSerdes.ENRICHED_ARTICLE.serialize("t", a), null,
                        a.article().eventTime()));
            }
            flush(d, input.stream().map(a -> a.article().eventTime()).max(Instant::compareTo).orElseThrow().plus(BUCKET));
            return d.createOutputTopic(TOPICS.alerts(), new StringDeserializer(), RecordSerdes.ALERT).readValuesToList().stream()
                    .filter(a -> a.status() != AlertStatus.UPDATED)
                    .map(a -> a.status() + " " + a.alertId() + " bucket " + a.bucketStart()
                            + (a.status() == AlertStatus.RESOLVED ? " observed " + a.observed() : ""))
                    .toList();
        }
    }

    @Test
    @DisplayName("after the spike, the news moving on (other articles) closes buckets and RESOLVES the alert")
    void resolvesAsStreamTimeMoves() {
        addWatch(tomahawkWatch());
        burst(T0, 8, 4);
        other(T0.plus(UNTIL_RESOLVED));
        List<Alert> out = alertValues();
        assertThat(out).extracting(Alert::status).startsWith(AlertStatus.OPENED).endsWith(AlertStatus.RESOLVED);
        assertThat(out.getLast().alertId()).isEqualTo(out.getFirst().alertId());
    }

    @Test
    @DisplayName("undecodable input goes to the dead-letter topic with its bytes and headers; good records still alert")
    void undecodableToDeadLetter() {
        addWatch(tomahawkWatch());
        byte[] junk = "{not json".getBytes(StandardCharsets.UTF_8);
        articles.pipeInput(new TestRecord<>("bad-key", junk, null, T0));
        burst(T0.plusSeconds(10), 8, 4);

        TestOutputTopic<byte[], byte[]> dlq = driver.createOutputTopic(TOPICS.dlq(),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        TestRecord<byte[], byte[]> dead = dlq.readRecord();
        assertThat(dead.value()).isEqualTo(junk);
        assertThat(new String(dead.key(), StandardCharsets.UTF_8)).isEqualTo("bad-key");
        assertThat(header(dead, DeadLetterHeaders.STAGE)).isEqualTo("alerts");
        assertThat(header(dead, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo(TOPICS.enriched());
        assertThat(header(dead, DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("0");
        assertThat(header(dead, DeadLetterHeaders.ERROR_MESSAGE)).contains("EnrichedArticle");
        assertThat(dlq.isEmpty()).isTrue();
        assertThat(alertValues()).extracting(Alert::status).startsWith(AlertStatus.OPENED);
        assertThat(metricTotal("stream-" + AlertsTopology.METRICS_SCOPE + "-metrics", "dead-letters-total")).as("counted").isEqualTo(1.0);
    }

    @Test
    @DisplayName("a record that detection throws on is the failure policy's: skipped, sent to the DLQ, counted; detection goes on")
    void detectionFailureIsSkipped() {
        addWatch(tomahawkWatch());
        // What a bug in matching could hand detection: a hit of the watch with no article and no event time.
        byte[] broken = "{\"watchIds\":[\"tomahawk\"]}".getBytes(StandardCharsets.UTF_8);
        driver.createInputTopic("newswatch-alerts-" + AlertsTopology.HITS_REPARTITION + "-repartition", new StringSerializer(),
                new ByteArraySerializer()).pipeInput(new TestRecord<>("broken", broken, null, T0));
        burst(T0.plusSeconds(10), 8, 4);

        assertThat(alertValues()).as("detection still runs").extracting(Alert::status).startsWith(AlertStatus.OPENED);
        TestRecord<byte[], byte[]> dead = driver.createOutputTopic(TOPICS.dlq(), new ByteArrayDeserializer(), new ByteArrayDeserializer())
                .readRecord();
        // Kafka's own dead letter (KIP-1034): its headers name the exception detection threw on the record.
        assertThat(header(dead, "__streams.errors.exception")).isEqualTo(NullPointerException.class.getName());
        assertThat(metricTotal("stream-task-metrics", "dropped-records-total")).as("counted as dropped").isEqualTo(1.0);
    }

    private double metricTotal(String group, String name) {
        return driver.metrics().entrySet().stream()
                .filter(e -> e.getKey().group().equals(group) && e.getKey().name().equals(name))
                .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue())
                .sum();
    }

    @Test
    @DisplayName("a watch with an output topic gets its alerts there too")
    void outputTopic() {
        WatchInput w = tomahawkWatch();
        addWatch(new WatchInput(w.schemaVersion(), w.id(), w.description(), null, null, w.entity(), null, null, null, null, null, null,
                "desk.tomahawk", null, null, null));
        burst(T0, 8, 4);
        TestOutputTopic<String, Alert> own = driver.createOutputTopic("desk.tomahawk", new StringDeserializer(), RecordSerdes.ALERT);
        flushed();
        List<Alert> mine = own.readValuesToList();
        assertThat(mine).extracting(Alert::status).startsWith(AlertStatus.OPENED);
        assertThat(mine).isEqualTo(alertValues());
    }

    @Test
    @DisplayName("a one-outlet flood does not alert")
    void oneOutletFlood() {
        addWatch(tomahawkWatch());
        burst(T0, 40, 1);
        tomahawk(T0.plusSeconds(100), "other.example");
        other(T0.plus(BUCKET.multipliedBy(3)));
        assertThat(alertValues()).isEmpty();
    }

    @Test
    @DisplayName("streams properties: application id with the topic prefix, exactly-once by default, failures logged and "
            + "dead-lettered to the prefixed DLQ, base not modified")
    void streamsProperties() {
        Properties base = new Properties();
        base.put("bootstrap.servers", "localhost:9092");
        Properties p = AlertsTopology.streamsProperties(AlertsSettings.from(Settings.of(Map.of("kafka.topic-prefix", "backtest."))), base);
        assertThat(p.getProperty(StreamsConfig.APPLICATION_ID_CONFIG)).isEqualTo("backtest.newswatch-alerts");
        assertThat(p.getProperty(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo("exactly_once_v2");
        assertThat(p.getProperty("bootstrap.servers")).isEqualTo("localhost:9092");
        Properties policy = new Properties();
        StreamsFailurePolicy.apply(policy, "backtest.news.dlq");
        assertThat(p).as("the one Streams failure policy").containsAllEntriesOf(policy);
        assertThat(p.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG)).isEqualTo("backtest.news.dlq");
        assertThat(base).hasSize(1);
    }

    private static String header(TestRecord<?, ?> r, String name) {
        return new String(r.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

}
