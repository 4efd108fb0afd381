package io.newswatch.app.importer;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.app.cli.ExitCodes;
import io.newswatch.app.NewswatchCommand;
import io.newswatch.app.testing.TopicReader;
import io.newswatch.broker.EmbeddedKafkaExtension;
import io.newswatch.core.Article;
import io.newswatch.core.JsonSerde;
import io.newswatch.core.RecordSerdes;
import io.newswatch.core.Topics;
import io.newswatch.app.testing.CliRun;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;

@DisplayName("newswatch import on a real broker")
class ImportCommandIT {

    @RegisterExtension
    static final EmbeddedKafkaExtension broker = new EmbeddedKafkaExtension();

    private static final JsonSerde<Article> SERDE = RecordSerdes.ARTICLE;

    private static CliRun importing(String prefix, String... args) {
        List<String> all = new ArrayList<>(List.of("import", "--bootstrap-servers", broker.bootstrapServers(), "--topic-prefix", prefix));
        all.addAll(List.of(args));
        return CliRun.of(all);
    }

    private static String fixture(String name) throws URISyntaxException {
        return Path.of(ImportCommandIT.class.getResource("/import/" + name).toURI()).toString();
    }

    @Test
    @DisplayName("JSON lines, CSV and a directory of feeds land on the history topic: keyed by id, timestamped by event time, in order")
    void importsEveryForm() throws Exception {
        Topics topics = new Topics("import1.");
        CliRun r = importing(topics.prefix(), fixture("history.jsonl"), fixture("history.csv"), fixture("feeds"),
                "--captured", "2023-06-23T12:00:00Z", "--sort-chunk", "3");

        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
        // 5 + 3 + 2 + 1 articles read; the harbour story twice in the JSON lines: written once.
        assertThat(r.out()).contains("imported 10 articles into import1.news.articles.history",
                "read 17 lines/items from 5 files (1 JSON lines, 1 CSV, 3 feeds)", "skipped 1 other files",
                "bad: 6; duplicates within the input: 1 (written once)");
        assertThat(r.err()).contains(fixture("history.jsonl") + ":5: no link", fixture("history.csv") + ":4: row has 8 fields",
                fixture("feeds/broken.rss") + ": ");

        List<ConsumerRecord<String, byte[]>> records = TopicReader.readAll(broker.bootstrapServers(), topics.history());
        assertThat(records).hasSize(10);
        Map<Integer, List<Long>> timesByPartition = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            Article a = SERDE.deserialize(record.topic(), record.value());
            assertThat(record.key()).isEqualTo(a.id());
            assertThat(record.timestamp()).isEqualTo(a.eventTime().toEpochMilli());
            timesByPartition.computeIfAbsent(record.partition(), p -> new ArrayList<>()).add(record.timestamp());
        }
        assertThat(timesByPartition.values()).allSatisfy(times -> assertThat(times).isSorted());
        assertThat(records.stream().map(ConsumerRecord::key).distinct()).hasSize(10);

        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, topics.history());
            Config config = admin.describeConfigs(List.of(topic)).all().get().get(topic);
            assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
        }
    }

    @Test
    @DisplayName("a second import of the same file writes the same keys: no new distinct ids")
    void reimportIsIdempotent() throws Exception {
        Topics topics = new Topics("import2.");
        assertThat(importing(topics.prefix(), "--quiet", fixture("history.jsonl")).code()).isEqualTo(ExitCodes.OK);
        List<ConsumerRecord<String, byte[]>> first = TopicReader.readAll(broker.bootstrapServers(), topics.history());
        Set<String> firstKeys = new HashSet<>(first.stream().map(ConsumerRecord::key).toList());

        assertThat(importing(topics.prefix(), "--quiet", fixture("history.jsonl")).code()).isEqualTo(ExitCodes.OK);
        List<ConsumerRecord<String, byte[]>> both = TopicReader.readAll(broker.bootstrapServers(), topics.history());

        assertThat(firstKeys).hasSize(4);
        assertThat(both).hasSize(8); // until compaction runs, the log holds both copies, under the same keys
        assertThat(new HashSet<>(both.stream().map(ConsumerRecord::key).toList())).isEqualTo(firstKeys);
        Map<String, Long> timestamps = new HashMap<>();
        both.forEach(r -> assertThat(timestamps.merge(r.key(), r.timestamp(), (a, b) -> a.equals(b) ? a : -1L)).isNotEqualTo(-1L));
    }

    @Test
    @DisplayName("--topic writes elsewhere; a missing file is a usage error (exit 2) and nothing is written")
    void topicAndMissingFile() throws Exception {
        CliRun missing = importing("import3.", fixture("history.jsonl"), "/no/such/file.jsonl");
        assertThat(missing.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("no such file or directory: /no/such/file.jsonl");

        CliRun other = importing("import3.", "--quiet", "--topic", "my.history", fixture("history.csv"));
        assertThat(other.code()).as(other.err()).isEqualTo(ExitCodes.OK);
        assertThat(TopicReader.readAll(broker.bootstrapServers(), "my.history")).hasSize(3);
        assertThat(Stream.of(other.out().split("\n"))).anyMatch(l -> l.startsWith("imported 3 articles into my.history"));
    }

    @Test
    @DisplayName("no broker there: exit 1 with one line saying so")
    void noBroker() throws Exception {
        CommandLine cmd = NewswatchCommand.commandLine();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(new StringWriter(), true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute("import", "--bootstrap-servers", "127.0.0.1:1", "--set", "kafka.properties.default.api.timeout.ms=2000",
                "-X", "request.timeout.ms=1000", fixture("history.csv"));
        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.FAILURE);
    }
}
