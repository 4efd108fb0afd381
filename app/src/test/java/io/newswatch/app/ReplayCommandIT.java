package io.newswatch.app;

import io.newswatch.app.cli.ExitCodes;
import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.app.testing.GeneratedNews;
import io.newswatch.broker.EmbeddedKafkaExtension;
import io.newswatch.core.Article;
import io.newswatch.app.testing.CliRun;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("newswatch replay: slices, and a replay that cannot finish says so")
class ReplayCommandIT {

    private static final String SOURCE = "stored.news.articles.raw";
    private static List<Article> week;

    @RegisterExtension
    static final EmbeddedKafkaExtension broker = new EmbeddedKafkaExtension();

    @BeforeAll
    static void store() {
        week = GeneratedNews.month(3, Instant.parse("2026-02-01T00:00:00Z"), 7, 600, 2);
        broker.createTopic(SOURCE, 3, Map.of("retention.ms", "-1"));
        GeneratedNews.producePartitionByPartition(broker.bootstrapServers(), SOURCE, 3, week);
    }

    private static CliRun replay(Path dir, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("replay", "--from", SOURCE, "--bootstrap-servers", broker.bootstrapServers(),
                "--set", "enrich.taxonomy=../config/taxonomy.yaml", "--set", "enrich.gazetteer=../config/gazetteer",
                "--set", "alerts.watches-file=../config/watches.yaml", "--set", "app.data-dir=" + dir));
        args.addAll(List.of(more));
        return CliRun.of(args);
    }

    @Test
    @DisplayName("--since and --until replay only the articles of that slice of event time, and the replay ends by itself")
    void slice(@TempDir Path dir) {
        Instant since = Instant.parse("2026-02-03T00:00:00Z");
        Instant until = Instant.parse("2026-02-05T00:00:00Z");
        long inSlice = week.stream().filter(a -> !a.eventTime().isBefore(since) && a.eventTime().isBefore(until)).count();
        CliRun run = replay(dir, "--prefix", "slice.", "--since", since.toString(), "--until", until.toString());
        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("replayed " + inSlice + " articles of " + SOURCE + " under prefix slice.")
                .contains("enriched:            " + inSlice);
    }

    @Test
    @DisplayName("a replay that runs out of time exits 1 and says what was left")
    void unfinishedReplayExitsNonZero(@TempDir Path dir) {
        CliRun run = replay(dir, "--prefix", "short.", "--timeout", "1s");
        assertThat(run.code()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.err()).contains("replay did not finish").contains("left:");
        assertThat(run.out()).contains("NOT FINISHED");
    }
}
