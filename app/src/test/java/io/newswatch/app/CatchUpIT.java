package io.newswatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.alerts.AlertsSettings;
import io.newswatch.alerts.AlertsTopology;
import io.newswatch.app.cli.ExitCodes;
import io.newswatch.app.runtime.GroupProgress;
import io.newswatch.app.runtime.KafkaCluster;
import io.newswatch.app.runtime.DetectStage;
import io.newswatch.app.runtime.EnrichStage;
import io.newswatch.app.runtime.Pipeline;
import io.newswatch.app.runtime.Supervisor;
import io.newswatch.app.testing.GeneratedNews;
import io.newswatch.app.testing.TopicReader;
import io.newswatch.broker.EmbeddedKafkaExtension;
import io.newswatch.core.Alert;
import io.newswatch.core.Article;
import io.newswatch.core.JsonSerde;
import io.newswatch.core.RecordSerdes;
import io.newswatch.core.Settings;
import io.newswatch.core.Topics;
import io.newswatch.enrich.EnrichSettings;
import io.newswatch.enrich.EnrichTopology;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Live catch-up: enrich and alerts run on a first stretch of news, are stopped, and while they are down days of event
 * time pile up on every partition, written one partition after another. Started again, they must count nothing late
 * and raise the same alerts as a replay of the whole stream in one time-ordered partition.
 */
@DisplayName("live catch-up after downtime raises the alerts an uninterrupted run raises, with nothing late")
class CatchUpIT {

    private static final Duration DEADLINE = Duration.ofSeconds(120);
    private static final JsonSerde<Alert> ALERTS = RecordSerdes.ALERT;

    @RegisterExtension
    static final EmbeddedKafkaExtension broker = new EmbeddedKafkaExtension();

    @Test
    @DisplayName("stopped while four days accumulate on six partitions, then started: same alerts as a one-partition replay, none late")
    void catchUpAgreesWithUninterruptedRun(@TempDir Path dir) throws Exception {
        List<Article> all = GeneratedNews.month(11, Instant.parse("2026-05-01T00:00:00Z"), 6, 400, 1, 3, 5);
        Instant split = Instant.parse("2026-05-03T00:00:00Z");
        List<Article> before = all.stream().filter(a -> a.eventTime().isBefore(split)).toList();
        List<Article> during = all.stream().filter(a -> !a.eventTime().isBefore(split)).toList();
        Topics live = new Topics("live.");
        Map<String, String> keep = Map.of("retention.ms", "-1");
        broker.createTopic(live.raw(), 6, keep);
        broker.createTopic("ordered.news.articles.raw", 1, keep);
        GeneratedNews.producePartitionByPartition(broker.bootstrapServers(), "ordered.news.articles.raw", 1, all);
        Path watches = dir.resolve("watches.yaml");
        Files.writeString(watches, """
                watches:
                  - id: tomahawk
                    entity: weapon:tomahawk
                """);
        Settings settings = Settings.of(Map.of(
                "kafka.bootstrap-servers", broker.bootstrapServers(),
                "kafka.topic-prefix", live.prefix(),
                "app.data-dir", dir.resolve("data").toString(),
                "topics.enriched.retention", "forever",
                "topics.alerts.retention", "forever",
                "enrich.taxonomy", "../config/taxonomy.yaml",
                "enrich.gazetteer", "../config/gazetteer",
                "enrich.idle-after", "3s",
                AlertsSettings.WATCHES_FILE.key(), watches.toString()));

        GeneratedNews.producePartitionByPartition(broker.bootstrapServers(), live.raw(), 6, before);
        runUntilDrained(settings, live);
        // Down for four days of news: every partition fills up, one after another.
        GeneratedNews.producePartitionByPartition(broker.bootstrapServers(), live.raw(), 6, during);
        runUntilDrained(settings, live);

        CommandLine cmd = NewswatchCommand.commandLine();
        StringWriter out = new StringWriter();
        cmd.setOut(new PrintWriter(out, true));
        int code = cmd.execute("replay", "--prefix", "uninterrupted.", "--from", "ordered.news.articles.raw", "--watches",
                watches.toString(), "--bootstrap-servers", broker.bootstrapServers(),
                "--set", "enrich.taxonomy=../config/taxonomy.yaml", "--set", "enrich.gazetteer=../config/gazetteer",
                "--set", "app.data-dir=" + dir.resolve("replay"));
        assertThat(code).as(out.toString()).isEqualTo(ExitCodes.OK);

        List<String> caughtUp = alerts(live);
        assertThat(caughtUp).as("alerts of the live run").isNotEmpty();
        assertThat(caughtUp).containsExactlyElementsOf(alerts(new Topics("uninterrupted.")));
    }

    /** Starts enrich and alerts, waits until both have taken in everything and released it, checks nothing was late, stops. */
    private static void runUntilDrained(Settings settings, Topics topics) throws Exception {
        Pipeline pipeline = Pipeline.plan(settings, List.of(EnrichStage::plan, DetectStage::plan));
        String enrichId = EnrichSettings.from(settings).applicationId();
        String alertsId = AlertsSettings.from(settings).applicationId();
        Properties client = new Properties();
        client.put("bootstrap.servers", broker.bootstrapServers());
        try (Supervisor supervisor = new Supervisor("CatchUpIT"); GroupProgress progress = new GroupProgress(client)) {
            pipeline.start(KafkaCluster.clientOf(pipeline.app()), supervisor);
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            while (System.nanoTime() < deadline && !(progress.lag(enrichId, topics.raw()) == 0
                    && progress.lag(enrichId, enrichId + "-" + EnrichTopology.MERGE + "-repartition") == 0
                    && progress.lag(alertsId, topics.enriched()) == 0
                    && progress.lag(alertsId, alertsId + "-" + AlertsTopology.HITS_REPARTITION + "-repartition") == 0
                    && pipeline.mergesDrained())) {
                Thread.sleep(250);
            }
            assertThat(pipeline.mergesDrained()).as("everything taken in and released").isTrue();
            assertThat(supervisor.stopRequested()).as("no stage failed").isFalse();
            assertThat(pipeline.enrichMerge().late()).as("articles late at enrich").isZero();
            assertThat(pipeline.alertsMerge().late()).as("hits late at detection").isZero();
        }
    }


    private static List<String> alerts(Topics topics) {
        return TopicReader.readAll(broker.bootstrapServers(), topics.alerts()).stream()
                .map(r -> ALERTS.deserialize(r.topic(), r.value()))
                .sorted(Comparator.comparing(Alert::watchId))
                // Everything, expected count and score included: the catch-up's result is the uninterrupted run's.
                .map(x -> x.watchId() + " " + x.status() + " " + x.alertId() + " " + x.bucketStart() + " observed " + x.observed()
                        + " sources " + x.distinctSources() + " stories " + x.distinctStories() + " expected " + x.expected()
                        + " score " + x.score() + " at " + x.eventTime())
                .toList();
    }
}
