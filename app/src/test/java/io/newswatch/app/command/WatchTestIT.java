package io.newswatch.app.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswatch.app.cli.ExitCodes;
import io.newswatch.app.testing.CliRun;
import io.newswatch.app.testing.QuakeHistory;
import io.newswatch.broker.EmbeddedKafkaExtension;
import io.newswatch.core.Json;
import io.newswatch.core.RecordSerdes;
import io.newswatch.core.Topics;
import io.newswatch.core.WatchInput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code newswatch watch test} on a real broker: three weeks of enriched articles under a backtest prefix (a steady stream of
 * unrelated news, two earthquake headlines a day, and on one afternoon a burst of 24 from 8 outlets within 50 minutes, with
 * enrich's watermark records among them), tried as a user would, in-process through picocli. The burst must be the one alert,
 * in its week; and the test must leave the cluster as it found it: no topic created, no record written anywhere (so no alert
 * reached an alerts topic and no watch was added).
 */
@DisplayName("newswatch watch test on a real broker")
class WatchTestIT {

    private static final Topics HISTORY = new Topics("wt.");
    private static final Topics LIVE = new Topics("");

    @RegisterExtension
    static final EmbeddedKafkaExtension broker = new EmbeddedKafkaExtension();

    @TempDir
    static Path dir;

    private Map<TopicPartition, Long> before;

    @BeforeAll
    static void storeHistory() throws Exception {
        QuakeHistory.store(broker.bootstrapServers(), HISTORY.enriched());
        broker.createTopic(LIVE.watches(), 1, Map.of("cleanup.policy", "compact"));
        Properties p = new Properties();
        p.put("bootstrap.servers", broker.bootstrapServers());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            WatchInput live = new WatchInput(WatchInput.SCHEMA_VERSION, "quake", "Earthquakes", "earthquake*", null, null, null, null, null, null,
                    null, null, null, null, null, null);
            producer.send(new ProducerRecord<>(LIVE.watches(), live.id(), RecordSerdes.WATCH.serialize(LIVE.watches(), live)));
            producer.flush();
        }
        Files.writeString(dir.resolve("watches.yaml"), """
                watches:
                  - {id: quake, query: "earthquake*", description: Earthquakes}
                  - {id: markets, query: "markets", sensitivity: 3}
                """);
    }

    @BeforeEach
    void snapshot() throws Exception {
        before = endOffsets();
    }

    /** Whatever a test asked, it wrote nothing: the same topics, each partition ending where it ended before. */
    @AfterEach
    void wroteNothing() throws Exception {
        Map<TopicPartition, Long> after = endOffsets();
        assertThat(after).isEqualTo(before);
        Set<String> topics = after.keySet().stream().map(TopicPartition::topic).collect(Collectors.toSet());
        assertThat(topics).doesNotContain(HISTORY.alerts(), LIVE.alerts());
    }

    private static CliRun watchTest(String... args) {
        List<String> all = new ArrayList<>(List.of("watch", "test"));
        all.addAll(List.of(args));
        all.addAll(List.of("--bootstrap-servers", broker.bootstrapServers()));
        return CliRun.of(all);
    }

    @Test
    @DisplayName("a new watch from flags: the burst is its one OPENED, in the week of the burst, within the default budget")
    void newWatchTable() {
        CliRun run = watchTest("--id", "quake", "--query", "earthquake*", "--prefix", HISTORY.prefix());
        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.OK);
        String t = run.out();
        assertThat(t).contains("watch test over wt.news.articles.enriched: 2023-06-05 .. 2023-06-25 UTC (21 days, 3.00 weeks), "
                + "1,578 articles");
        assertThat(t).contains("matched 66 articles: 22.00 a week, 26 on the busiest day");
        assertThat(t).containsPattern("would have raised 1 OPENED, \\d+ UPDATED, 1 RESOLVED: 0.33 OPENED a week, 0.05 a day");
        assertThat(t).containsPattern("2023-06-05 +7 +14 +0").containsPattern("2023-06-12 +7 +14 +0").containsPattern("2023-06-19 +7 +38 +1");
        assertThat(t).containsPattern("2023-06-21 14:\\d\\d .*\"Strong earthquake hits the coast, report 0\" \\(Outlet 0\\)");
        assertThat(t).contains("verdict: WITHIN BUDGET: 0.33 OPENED a week on average, budget 21; busiest week 1; no week over budget");
    }

    @Test
    @DisplayName("--format json: the same figures under the documented field names")
    void json() throws Exception {
        CliRun run = watchTest("--query", "earthquake*", "--prefix", HISTORY.prefix(), "--format", "json");
        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.OK);
        JsonNode root = Json.mapper().readTree(run.out());
        assertThat(root.get("formatVersion").asInt()).isEqualTo(1);
        assertThat(root.get("topic").asText()).isEqualTo(HISTORY.enriched());
        assertThat(root.get("days").asInt()).isEqualTo(QuakeHistory.DAYS);
        assertThat(root.get("articles").asLong()).isEqualTo(QuakeHistory.DAYS * 74L + QuakeHistory.BURST_ARTICLES);
        assertThat(root.get("budgetPerWeek").asDouble()).isEqualTo(21.0);
        JsonNode quake = root.get("watches").get(0);
        assertThat(quake.get("id").asText()).isEqualTo("test");
        assertThat(quake.get("what").asText()).isEqualTo("query earthquake*");
        assertThat(quake.get("matched").asLong()).isEqualTo(QuakeHistory.DAYS * 2L + QuakeHistory.BURST_ARTICLES);
        assertThat(quake.get("opened").asInt()).isEqualTo(1);
        assertThat(quake.get("openedPerWeek").asDouble()).isCloseTo(1 / 3.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(quake.get("withinBudget").asBoolean()).isTrue();
        List<Integer> openedPerWeek = new ArrayList<>();
        quake.get("weekList").forEach(w -> openedPerWeek.add(w.get("opened").asInt()));
        assertThat(openedPerWeek).containsExactly(0, 0, 1);
        JsonNode opened = quake.get("openedList").get(0);
        Instant time = Instant.parse(opened.get("time").asText());
        assertThat(time).isAfter(QuakeHistory.BURST).isBeforeOrEqualTo(QuakeHistory.BURST.plus(Duration.ofHours(1)));
        assertThat(opened.get("counted").asLong()).isGreaterThanOrEqualTo(5);
        assertThat(opened.get("sources").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(opened.get("score").asDouble()).isGreaterThanOrEqualTo(2.5);
        assertThat(opened.get("firstTitle").asText()).startsWith("Strong earthquake hits the coast");
    }

    @Test
    @DisplayName("--id of a live watch, made stricter by a flag, against --budget 0: over budget, and the watches topic is untouched")
    void existingWatchOverBudget() {
        CliRun run = watchTest("--id", "quake", "--sensitivity", "3", "--prefix", HISTORY.prefix(), "--budget", "0");
        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("quake: query earthquake*  (Earthquakes)").contains("sensitivity 3, bucket 10m");
        assertThat(run.out()).contains("verdict: OVER BUDGET: 0.33 OPENED a week on average, budget 0; busiest week 1; 1 of 3 weeks over it");
    }

    @Test
    @DisplayName("--file: every watch of the file, each with its own tally")
    void file() {
        CliRun run = watchTest("--file", dir.resolve("watches.yaml").toString(), "--prefix", HISTORY.prefix());
        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("markets: query markets\n").contains("matched 1,512 articles: 504.00 a week")
                .contains("quake: query earthquake*  (Earthquakes)").contains("matched 66 articles");
        // A busy watch whose share of the stream is steady raises nothing, not even while it is young (only its shortest
        // window may open an alert before it has a day of history).
        assertThat(run.out()).containsPattern("markets: [^\n]*\n(  [^\n]*\n){2}  would have raised 0 OPENED");
    }

    @Test
    @DisplayName("refusals, exit 2: an invalid watch names its field; an unknown id lists the known ones; no history")
    void refusals() {
        CliRun invalid = watchTest("--query", "earthquake*", "--bucket", "7m", "--prefix", HISTORY.prefix());
        assertThat(invalid.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(invalid.err()).contains("bucket");
        CliRun unknown = watchTest("--id", "nosuch", "--prefix", HISTORY.prefix());
        assertThat(unknown.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("no watch nosuch on news.watches; there are: quake");
        CliRun noHistory = watchTest("--query", "earthquake*", "--prefix", "nothing-here.");
        assertThat(noHistory.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(noHistory.err()).contains("nothing-here.news.articles.enriched does not exist");
    }

    /** Every partition of every topic on the broker, with its end offset. */
    private static Map<TopicPartition, Long> endOffsets() throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", broker.bootstrapServers());
        Map<TopicPartition, Long> out = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
        try (Admin admin = Admin.create(p);
             KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<TopicPartition> partitions = new ArrayList<>();
            admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).forEach((name, d) ->
                    d.partitions().forEach(info -> partitions.add(new TopicPartition(name, info.partition()))));
            out.putAll(consumer.endOffsets(partitions));
        }
        return out;
    }
}
