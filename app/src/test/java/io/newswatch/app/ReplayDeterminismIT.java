package io.newswatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.app.cli.ExitCodes;
import io.newswatch.app.testing.GeneratedNews;
import io.newswatch.app.testing.TopicReader;
import io.newswatch.broker.EmbeddedKafkaExtension;
import io.newswatch.core.Alert;
import io.newswatch.core.Article;
import io.newswatch.core.JsonSerde;
import io.newswatch.core.RecordSerdes;
import io.newswatch.core.Topics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Event time is a contract: a month of generated news on six partitions, written one partition after another so
 * they are as far apart in event time as they can be, replayed twice and once from a time-ordered one-partition
 * copy. The three backtests must raise the very same alert events, and no article may count as late.
 */
@DisplayName("replays of one stored month agree with each other and with a one-partition, time-ordered replay")
class ReplayDeterminismIT {

    private static final JsonSerde<Alert> ALERTS = RecordSerdes.ALERT;
    private static final int[] BURST_DAYS = {3, 9, 16, 22, 27};

    @RegisterExtension
    static final EmbeddedKafkaExtension broker = new EmbeddedKafkaExtension();

    @Test
    @DisplayName("50,000 articles over 30 days with five bursts: identical alerts three times, nothing late, every burst found")
    void replaysAgree(@TempDir Path dir) throws Exception {
        List<Article> month = GeneratedNews.month(7, Instant.parse("2026-03-01T00:00:00Z"), 30, 1_660, BURST_DAYS);
        assertThat(month).hasSizeGreaterThanOrEqualTo(50_000);
        Map<String, String> keep = Map.of("retention.ms", "-1");
        broker.createTopic("gen.news.articles.raw", 6, keep);
        broker.createTopic("gen1.news.articles.raw", 1, keep);
        GeneratedNews.producePartitionByPartition(broker.bootstrapServers(), "gen.news.articles.raw", 6, month);
        GeneratedNews.producePartitionByPartition(broker.bootstrapServers(), "gen1.news.articles.raw", 1, month);
        Path watches = dir.resolve("watches.yaml");
        Files.writeString(watches, """
                watches:
                  - id: tomahawk
                    description: Tomahawk missiles
                    entity: weapon:tomahawk
                  - id: kyiv-query
                    query: kyiv
                """);

        String first = replay(dir, "bt-a.", "gen.news.articles.raw", watches);
        String second = replay(dir, "bt-b.", "gen.news.articles.raw", watches);
        String ordered = replay(dir, "bt-c.", "gen1.news.articles.raw", watches);

        for (String summary : List.of(first, second, ordered)) {
            assertThat(summary).contains("replayed " + month.size() + " articles")
                    .contains("late within their partition: 0 enriched out of order, 0 left out of detection");
        }
        List<String> a = alerts("bt-a.");
        List<String> b = alerts("bt-b.");
        List<String> c = alerts("bt-c.");
        assertThat(a.stream().filter(s -> s.startsWith("tomahawk OPENED")).count())
                .as("an OPENED per burst").isEqualTo(BURST_DAYS.length);
        assertThat(b).as("second replay").containsExactlyElementsOf(a);
        assertThat(c).as("one-partition, time-ordered replay").containsExactlyElementsOf(a);
    }


    /** Every alert event, per watch in order, with everything that must agree. */
    private static List<String> alerts(String prefix) {
        return TopicReader.readAll(broker.bootstrapServers(), new Topics(prefix).alerts()).stream()
                .map(r -> ALERTS.deserialize(r.topic(), r.value()))
                .sorted(java.util.Comparator.comparing(Alert::watchId))
                // Everything, expected count and score included: a replay's result is a function of its input alone.
                .map(x -> x.watchId() + " " + x.status() + " " + x.alertId() + " " + x.bucketStart() + " observed " + x.observed()
                        + " counted " + x.counted() + " sources " + x.distinctSources()
                        + " stories " + x.distinctStories() + " expected " + x.expected() + " score " + x.score()
                        + " at " + x.eventTime() + " top " + x.topArticles())
                .toList();
    }

    private static String replay(Path dir, String prefix, String from, Path watches) {
        CommandLine cmd = NewswatchCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute("replay", "--prefix", prefix, "--from", from, "--watches", watches.toString(),
                "--bootstrap-servers", broker.bootstrapServers(),
                "--set", "enrich.taxonomy=../config/taxonomy.yaml", "--set", "enrich.gazetteer=../config/gazetteer",
                "--set", "app.data-dir=" + dir.resolve(prefix));
        assertThat(code).as("replay " + prefix + " exit code; stderr: " + err + "\nstdout: " + out).isEqualTo(ExitCodes.OK);
        return out.toString();
    }
}
