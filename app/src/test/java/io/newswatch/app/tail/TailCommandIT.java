package io.newswatch.app.tail;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.app.NewswatchCommand;
import io.newswatch.app.cli.ExitCodes;
import io.newswatch.broker.EmbeddedKafkaExtension;
import io.newswatch.core.Article;
import io.newswatch.core.Json;
import io.newswatch.core.RecordSerdes;
import io.newswatch.core.Topics;
import io.newswatch.eventtime.Watermark;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;

@DisplayName("newswatch tail on a real broker")
class TailCommandIT {

    @RegisterExtension
    static final EmbeddedKafkaExtension broker = new EmbeddedKafkaExtension();
    private static final Topics TOPICS = new Topics("tailtest.");

    @BeforeAll
    static void startBroker() throws Exception {
        broker.createTopic(TOPICS.raw(), 3, Map.of());
        Properties p = new Properties();
        p.put("bootstrap.servers", broker.bootstrapServers());
        try (KafkaProducer<String, Article> producer = new KafkaProducer<>(p, new StringSerializer(), RecordSerdes.ARTICLE)) {
            for (int i = 0; i < 7; i++) {
                Article a = RecordFormatTest.article();
                Article numbered = new Article(a.schemaVersion(), "a" + i, a.feedUrl(), a.sourceName(), a.sourceDomain(), "Title " + i,
                        a.summary(), a.link(), a.canonicalLink(), a.guid(), a.authors(), a.categories(), a.language(), a.publishedAt(),
                        a.fetchedAt(), a.eventTime(), a.eventTimeSource());
                producer.send(new ProducerRecord<>(TOPICS.raw(), numbered.id(), numbered)).get();
            }
            // What enrich broadcasts to the enriched topic: a watermark record on a partition, no value.
            producer.send(new ProducerRecord<>(TOPICS.raw(), 1, 0L, Watermark.KEY, null,
                    Watermark.downstreamHeaders(1_000L))).get();
        }
    }

    private record Result(int exitCode, List<String> lines, String err) {
    }

    private static Result tail(String... args) {
        CommandLine cmd = NewswatchCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 5];
        all[0] = "tail";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--bootstrap-servers";
        all[args.length + 2] = broker.bootstrapServers();
        all[args.length + 3] = "--topic-prefix";
        all[args.length + 4] = TOPICS.prefix();
        int code = cmd.execute(all);
        return new Result(code, out.toString().lines().toList(), err.toString());
    }

    @Test
    @DisplayName("--from-beginning prints every record as a JSON line and ends at the end of the topic; watermark records are skipped")
    void fromBeginning() throws Exception {
        Result r = tail("news.articles.raw", "--from-beginning");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(r.lines()).hasSize(7);
        List<String> ids = r.lines().stream().map(l -> readId(l)).sorted().toList();
        assertThat(ids).containsExactly("a0", "a1", "a2", "a3", "a4", "a5", "a6");
    }

    @Test
    @DisplayName("--max stops after that many records; --format text prints readable lines")
    void maxAndText() {
        Result r = tail("news.articles.raw", "--from-beginning", "--max", "2", "--format", "text");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(r.lines()).hasSize(2).allSatisfy(l -> assertThat(l).contains("example.org  Title "));
    }

    @Test
    @DisplayName("a topic that does not exist is a one-line usage error listing the topics there")
    void missingTopic() {
        Result r = tail("news.alerts");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("topic tailtest.news.alerts does not exist", TOPICS.raw());
    }

    @Test
    @DisplayName("--follow prints records written after it started, and stops cleanly when asked (Ctrl-C)")
    void follow() throws Exception {
        Properties client = new Properties();
        client.put("bootstrap.servers", broker.bootstrapServers());
        String topic = "tailtest.follow";
        broker.createTopic(topic, 2, Map.of());
        TopicTail tail = new TopicTail(client);
        java.io.StringWriter out = new java.io.StringWriter();
        java.util.concurrent.atomic.AtomicLong printed = new java.util.concurrent.atomic.AtomicLong(-1);
        Thread follower = new Thread(() -> printed.set(tail.run(topic, new TailOptions(false, 0, true, 0),
                new JsonLinesFormat(false), new PrintWriter(out, true))));
        follower.start();
        try (KafkaProducer<String, Article> producer = new KafkaProducer<>(client, new StringSerializer(), RecordSerdes.ARTICLE)) {
            // Keep writing until the follower shows one: it may join after the first write (it starts at the end).
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
            while (!out.toString().contains("\"id\":\"late\"") && System.nanoTime() < deadline) {
                producer.send(new ProducerRecord<>(topic, "late", withId(RecordFormatTest.article(), "late"))).get();
                Thread.sleep(300);
            }
        }
        tail.stop();
        follower.join(10_000);
        assertThat(follower.isAlive()).as("follower stopped").isFalse();
        assertThat(out.toString()).contains("\"id\":\"late\"");
        assertThat(printed.get()).isPositive();
    }

    private static Article withId(Article a, String id) {
        return new Article(a.schemaVersion(), id, a.feedUrl(), a.sourceName(), a.sourceDomain(), a.title(), a.summary(), a.link(),
                a.canonicalLink(), a.guid(), a.authors(), a.categories(), a.language(), a.publishedAt(), a.fetchedAt(), a.eventTime(),
                a.eventTimeSource());
    }

    private static String readId(String json) {
        try {
            return Json.mapper().readTree(json).get("id").asText();
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
