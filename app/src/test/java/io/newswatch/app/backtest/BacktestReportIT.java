package io.newswatch.app.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswatch.app.cli.ExitCodes;
import io.newswatch.broker.EmbeddedKafkaExtension;
import io.newswatch.core.Alert;
import io.newswatch.core.EnrichedArticle;
import io.newswatch.core.Json;
import io.newswatch.core.JsonSerde;
import io.newswatch.core.RecordSerdes;
import io.newswatch.core.Topics;
import io.newswatch.core.WatchInput;
import io.newswatch.eventtime.Watermark;
import io.newswatch.app.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code newswatch backtest report} on a real broker: the hand-made backtest ({@link HandMadeBacktest}) written as a
 * replay leaves it (enriched articles with enrich's watermark records among them, alert events, the watches topic)
 * under two prefixes, then judged by the command as a user runs it. The figures are those worked out by hand in
 * {@link BacktestScoreTest}, this time counted by matching the watches over the enriched topic.
 */
@DisplayName("newswatch backtest report on a real broker")
class BacktestReportIT {

    private static final Topics MINE = new Topics("bt-report.");
    private static final Topics BASELINE = new Topics("bt-baseline.");

    @RegisterExtension
    static final EmbeddedKafkaExtension broker = new EmbeddedKafkaExtension();

    @TempDir
    static Path dir;

    @BeforeAll
    static void writeBacktests() throws Exception {
        write(MINE, HandMadeBacktest.alerts());
        write(BASELINE, HandMadeBacktest.baselineAlerts());
        Files.writeString(dir.resolve("events.yaml"), """
                stream: hand-made
                events:
                  - title: Quake hits
                    start: 2023-06-16T13:00:00Z
                    end: 2023-06-17T23:00:00Z
                    watches: [quake, summit]
                  - title: Quiet event
                    start: 2023-06-08T00:00:00Z
                    end: 2023-06-08T06:00:00Z
                    watches: [quake]
                """);
        Files.writeString(dir.resolve("quake-and-new.yaml"), "watches:\n  - {id: quake, query: \"earthquake*\"}\n"
                + "  - {id: coast, query: \"coast\"}\n");
    }

    private static void write(Topics topics, List<Alert> alerts) throws Exception {
        broker.createTopic(topics.enriched(), 3, Map.of("retention.ms", "-1"));
        broker.createTopic(topics.alerts(), 1, Map.of("retention.ms", "-1"));
        broker.createTopic(topics.watches(), 1, Map.of("cleanup.policy", "compact"));
        Properties p = new Properties();
        p.put("bootstrap.servers", broker.bootstrapServers());
        JsonSerde<EnrichedArticle> enriched = RecordSerdes.ENRICHED_ARTICLE;
        JsonSerde<Alert> alert = RecordSerdes.ALERT;
        JsonSerde<WatchInput> watch = RecordSerdes.WATCH;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            for (EnrichedArticle a : HandMadeBacktest.enriched()) {
                producer.send(new ProducerRecord<>(topics.enriched(), null, a.article().eventTime().toEpochMilli(), a.article().id(),
                        enriched.serialize(topics.enriched(), a)));
            }
            for (int partition = 0; partition < 3; partition++) {
                // What enrich broadcasts to every enriched partition after each release: a watermark, not an article.
                producer.send(new ProducerRecord<>(topics.enriched(), partition, 0L, Watermark.KEY, null,
                        Watermark.downstreamHeaders(1_700_000_000_000L)));
            }
            for (Alert a : alerts) {
                producer.send(new ProducerRecord<>(topics.alerts(), null, a.eventTime().toEpochMilli(), a.watchId(),
                        alert.serialize(topics.alerts(), a)));
            }
            for (WatchInput w : List.of(HandMadeBacktest.QUAKE_GIVEN, HandMadeBacktest.SUMMIT_GIVEN)) {
                producer.send(new ProducerRecord<>(topics.watches(), w.id(), watch.serialize(topics.watches(), w)));
            }
            producer.flush();
        }
    }

    private static CliRun report(String... args) {
        List<String> all = new ArrayList<>(List.of("backtest", "report"));
        all.addAll(List.of(args));
        all.addAll(List.of("--bootstrap-servers", broker.bootstrapServers()));
        return CliRun.of(all);
    }

    @Test
    @DisplayName("the table: per watch matched, alerts, spike days caught, lead, OPENED off spike and per spike, verdict; events")
    void table() {
        CliRun run = report(MINE.prefix(), "--events", dir.resolve("events.yaml").toString());
        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.OK);
        String t = run.out();
        assertThat(t).contains("backtest bt-report.: 2023-06-01 .. 2023-06-20 UTC (20 days, 84 enriched articles, 2 watches)");
        assertThat(t).containsPattern("quake +54 +2.70 +15 +5 +1 +5 +0.25 +3 +1.9%");
        assertThat(t).containsPattern("quake +2 +1 +2/2 +100% +50m +25% \\(1/4\\) +3.00 +0.25 +"
                + "FAIL \\(opened-off-spike, opened-per-spike\\)");
        assertThat(t).containsPattern("summit +10 +0.50 +10 +0 +0 +0");
        assertThat(t).containsPattern("summit +1 +1 +0/1 +0% +- +- +0.00 +0.00 +FAIL \\(caught-in-time\\)");
        assertThat(t).containsPattern("quake +2 +1 +50% +3 +1.00 +1h40m");
        assertThat(t).containsPattern("Quiet event +2023-06-08 00:00 +quake +MISSED");
    }

    @Test
    @DisplayName("--format json: the same figures under the documented field names")
    void json() throws Exception {
        CliRun run = report(MINE.prefix(), "--events", dir.resolve("events.yaml").toString(), "--format", "json");
        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.OK);
        JsonNode root = Json.mapper().readTree(run.out());
        assertThat(root.get("prefix").asText()).isEqualTo(MINE.prefix());
        assertThat(root.get("articles").asLong()).isEqualTo(84);
        JsonNode quake = root.get("watches").get(0);
        assertThat(quake.get("id").asText()).isEqualTo("quake");
        assertThat(quake.get("what").asText()).isEqualTo("query earthquake*");
        assertThat(quake.get("matched").asLong()).isEqualTo(54);
        assertThat(quake.get("spikeDays").asInt()).isEqualTo(2);
        assertThat(quake.get("caughtInTimeShare").asDouble()).isEqualTo(1.0);
        assertThat(quake.get("medianLeadMinutes").asDouble()).isEqualTo(50.0);
        assertThat(quake.get("offSpikeShare").asDouble()).isEqualTo(0.25);
        assertThat(quake.get("openedPerSpike").asDouble()).isEqualTo(3.0);
        assertThat(quake.get("recall").get("recall").asDouble()).isEqualTo(0.5);
        assertThat(quake.get("recall").get("falseAlarms").asInt()).isEqualTo(3);
        assertThat(root.get("watches").get(1).get("spikeDayList").get(0).get("surgeStart").asText()).isEqualTo("2023-06-18T20:00:00Z");
    }

    @Test
    @DisplayName("--compare and --html: changes and alerts only in one backtest; one self-contained page with a chart per watch")
    void compareAndHtml() throws Exception {
        Path page = dir.resolve("report.html");
        CliRun run = report(MINE.prefix(), "--compare", BASELINE.prefix(), "--html", page.toString());
        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("backtest bt-report. compared with bt-baseline.");
        assertThat(run.out()).containsPattern("opened +2 +5 +\\+3");
        assertThat(run.out()).contains("alerts only in bt-report. (no overlapping alert of the watch in bt-baseline.): 3");
        assertThat(run.out()).contains("alerts only in bt-baseline. (no overlapping alert of the watch in bt-report.): 1");
        assertThat(run.err()).contains("wrote " + page);
        String html = Files.readString(page);
        assertThat(html).startsWith("<!DOCTYPE html>").doesNotContain("<script").doesNotContain("src=").doesNotContain("<link");
        assertThat(html.split("<svg ", -1)).hasSize(3);
        assertThat(html).contains("2023-06-17: 15 matched, trailing median 1, SPIKE DAY, 1 OPENED");
    }

    @Test
    @DisplayName("--watches FILE judges those watches instead of the backtest's own, and says which the replay did not run")
    void watchesFile() {
        CliRun run = report(MINE.prefix(), "--watches", dir.resolve("quake-and-new.yaml").toString());
        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("84 enriched articles, 2 watches)").doesNotContainPattern("summit +\\d");
        assertThat(run.out()).containsPattern("quake +54 +2.70").containsPattern("coast +54 +2.70 +15 +0 +0 +0");
        assertThat(run.out()).contains("note: not on bt-report.news.watches, so the replay raised no alerts for them "
                + "(their counts are still judged): coast");
    }

    @Test
    @DisplayName("a prefix without a backtest is a usage error naming what is missing")
    void missingBacktest() {
        CliRun run = report("nothing-here.");
        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("no watches on nothing-here.news.watches");
    }
}
