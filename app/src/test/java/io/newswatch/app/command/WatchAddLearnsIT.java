package io.newswatch.app.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.alerts.AlertsSettings;
import io.newswatch.app.cli.ExitCodes;
import io.newswatch.app.runtime.DetectStage;
import io.newswatch.app.runtime.KafkaCluster;
import io.newswatch.app.runtime.Pipeline;
import io.newswatch.app.runtime.Replay;
import io.newswatch.app.runtime.Supervisor;
import io.newswatch.app.testing.QuakeHistory;
import io.newswatch.app.testing.TopicReader;
import io.newswatch.broker.EmbeddedKafkaExtension;
import io.newswatch.core.JsonSerde;
import io.newswatch.core.LearnedBaseline;
import io.newswatch.core.Topics;
import io.newswatch.core.RecordSerdes;
import io.newswatch.core.Settings;
import io.newswatch.core.WatchInput;
import io.newswatch.app.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code newswatch watch add} on a real broker with three weeks of stored history (two earthquake headlines a day among 72
 * others, one burst): the watch it adds carries the baseline its detector learned from that history, so it starts warm.
 */
@DisplayName("newswatch watch add learns a new watch's baseline from stored history")
class WatchAddLearnsIT {

    private static final Topics STORED = new Topics("wl.");

    @RegisterExtension
    static final EmbeddedKafkaExtension broker = new EmbeddedKafkaExtension();

    @BeforeAll
    static void storeHistory() throws Exception {
        QuakeHistory.store(broker.bootstrapServers(), STORED.enriched());
    }

    private static CliRun watchAdd(String prefix, String... args) {
        List<String> all = new ArrayList<>(List.of("watch", "add"));
        all.addAll(List.of(args));
        all.addAll(List.of("--topic-prefix", prefix, "--bootstrap-servers", broker.bootstrapServers()));
        return CliRun.of(all);
    }

    private static Map<String, WatchInput> watchesOn(Topics topics) {
        JsonSerde<WatchInput> serde = RecordSerdes.WATCH;
        return TopicReader.readAll(broker.bootstrapServers(), topics.watches()).stream()
                .collect(Collectors.toMap(ConsumerRecord::key, r -> serde.deserialize(r.topic(), r.value()), (a, b) -> b));
    }

    @Test
    @DisplayName("the added watch holds the share it had in the history (2 stories a day in 74, the burst capped), up to a day before the history ends")
    void learnsFromTheEnrichedTopic() {
        CliRun run = watchAdd(STORED.prefix(), "--id", "quake", "--query", "earthquake*", "--description", "Earthquakes");
        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("watch quake: learned from 2023-06-05T00:00:00Z to 2023-06-24T23:40:00Z of wl.news.articles.enriched")
                .contains("added watch quake");

        LearnedBaseline learned = watchesOn(STORED).get("quake").learned();
        assertThat(learned).isNotNull();
        assertThat(learned.baseline()).isEqualTo(Duration.ofDays(7));
        assertThat(learned.since()).isEqualTo(QuakeHistory.at(0, 0, 0));
        // The newest article is at 23:40 on the last day; the day before that is still inside the longest window (1 day): not
        // folded into the baseline yet, so not learned.
        assertThat(learned.asOf()).isEqualTo(QuakeHistory.at(QuakeHistory.DAYS - 2, 23, 40));
        // Its ordinary share is 2 of 74 a day. The burst of 24 five days before the end is winsorized: it lifts the share a
        // little (24 whole stories would more than double it).
        assertThat(learned.share()).isBetween(2.0 / 74, 2 * 2.0 / 74);
    }

    @Test
    @DisplayName("--no-learn adds the watch cold; with no stored history it is added cold and says so")
    void cold() {
        CliRun noLearn = watchAdd(STORED.prefix(), "--id", "quake-cold", "--query", "earthquake*", "--no-learn");
        assertThat(noLearn.code()).as(noLearn.err()).isEqualTo(ExitCodes.OK);
        assertThat(noLearn.out()).doesNotContain("learned");
        assertThat(watchesOn(STORED).get("quake-cold").learned()).isNull();

        Topics empty = new Topics("nohistory.");
        CliRun nothing = watchAdd(empty.prefix(), "--id", "quake", "--query", "earthquake*");
        assertThat(nothing.code()).as(nothing.err()).isEqualTo(ExitCodes.OK);
        assertThat(nothing.out()).contains("no stored history to learn from").contains("the watches start cold");
        assertThat(watchesOn(empty).get("quake").learned()).isNull();
    }

    @Test
    @DisplayName("a watch new in the watches file learns the same baseline when the alerts stage starts; a replay's would not")
    void watchesFileLearnsAtStart(@TempDir Path dataDir) throws Exception {
        Path file = dataDir.resolve("watches.yaml");
        Files.writeString(file, """
                watches:
                  - id: quake-file
                    query: earthquake*
                """);
        Settings settings = Settings.of(Map.of("kafka.bootstrap-servers", broker.bootstrapServers(), "kafka.topic-prefix", STORED.prefix(),
                "app.data-dir", dataDir.toString(), "alerts.watches-file", file.toString()));
        Pipeline pipeline = Pipeline.plan(settings, List.of(DetectStage::plan));
        try (Supervisor supervisor = new Supervisor("WatchAddLearnsIT")) {
            KafkaCluster cluster = supervisor.manage(KafkaCluster.connectOrStartEmbedded(pipeline.app()));
            pipeline.start(cluster, supervisor); // the watches are seeded, and learn, before detection starts
        }
        LearnedBaseline learned = watchesOn(STORED).get("quake-file").learned();
        assertThat(learned).as("learned at start").isNotNull();
        assertThat(learned.since()).isEqualTo(QuakeHistory.at(0, 0, 0));
        assertThat(learned.asOf()).isEqualTo(QuakeHistory.at(QuakeHistory.DAYS - 2, 23, 40));
        assertThat(learned.share()).isBetween(2.0 / 74, 2 * 2.0 / 74);

        assertThat(Replay.backtestSettings(settings, "bt.", 6).get(AlertsSettings.LEARN_AT_START))
                .as("a replay learns nothing at start: its history is its future").isFalse();
    }
}
