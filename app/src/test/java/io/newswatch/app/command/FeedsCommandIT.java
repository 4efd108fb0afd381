package io.newswatch.app.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.app.NewswatchCommand;
import io.newswatch.app.cli.ExitCodes;
import io.newswatch.app.testing.FeedServer;
import io.newswatch.app.testing.TopicReader;
import io.newswatch.broker.EmbeddedKafkaExtension;
import io.newswatch.core.FeedStatus;
import io.newswatch.core.JsonSerde;
import io.newswatch.core.Settings;
import io.newswatch.core.TopicLayout;
import io.newswatch.core.TopicProvisioner;
import io.newswatch.core.Topics;
import io.newswatch.ingest.FeedSource;
import io.newswatch.ingest.IngestSettings;
import io.newswatch.ingest.group.FeedBootstrap;
import io.newswatch.ingest.group.FeedCatalog;
import io.newswatch.ingest.service.IngestService;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code newswatch feeds add|list|remove} on a real broker, as a user types them (in-process through picocli), with a running
 * ingest instance that must pick the changes up live: an added feed gets polled, a removed one stops and loses its saved state;
 * a feed that keeps failing is reported on the feed-status topic.
 */
@DisplayName("newswatch feeds add|list|remove on a real broker")
class FeedsCommandIT {

    private static final Topics TOPICS = new Topics("feedcli.");
    private static final String RSS = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title><link>http://127.0.0.1/</link>"
            + "<description>d</description><item><title>One story</title><guid isPermaLink=\"false\">one</guid>"
            + "<pubDate>Sat, 28 Nov 2026 10:00:00 GMT</pubDate></item></channel></rss>";

    @RegisterExtension
    static final EmbeddedKafkaExtension broker = new EmbeddedKafkaExtension();

    @TempDir
    static Path dir;

    private static FeedServer server;

    @BeforeAll
    static void serve() throws Exception {
        server = new FeedServer();
        for (String path : List.of("/wire.xml", "/a.xml", "/b.xml", "/live.xml")) {
            server.serve(path, n -> RSS.getBytes(StandardCharsets.UTF_8));
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private record Run(int code, String out, String err) {
    }

    private static Run feeds(String... args) {
        CommandLine cmd = NewswatchCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of("feeds"));
        all.addAll(List.of(args));
        all.addAll(List.of("--bootstrap-servers", broker.bootstrapServers(), "--topic-prefix", TOPICS.prefix()));
        return new Run(cmd.execute(all.toArray(String[]::new)), out.toString(), err.toString());
    }

    @Test
    @DisplayName("add from a URL and from an OPML list, rename, list as text and JSON, remove; unknown feeds and files refused")
    void addListRemove() throws Exception {
        String wire = server.url("/wire.xml");
        Run added = feeds("add", wire, "--name", "Wire");
        assertThat(added.code()).as(added.err()).isZero();
        assertThat(added.out()).contains("added feed " + wire + "  (Wire) to feedcli.news.feeds");

        Path opml = Files.writeString(dir.resolve("list.opml"), "<opml version=\"2.0\"><body><outline text=\"folder\">"
                + "<outline text=\"A\" xmlUrl=\"" + server.url("/a.xml") + "\"/><outline text=\"B\" xmlUrl=\"" + server.url("/b.xml")
                + "\"/></outline></body></opml>");
        assertThat(feeds("add", opml.toString()).out()).contains("(A)", "(B)");

        assertThat(feeds("add", wire, "--name", "Wire service").code()).isZero();
        Run json = feeds("list", "--format", "json");
        assertThat(json.out().lines().toList()).containsExactlyInAnyOrder(
                "{\"location\":\"" + server.url("/a.xml") + "\",\"name\":\"A\"}",
                "{\"location\":\"" + server.url("/b.xml") + "\",\"name\":\"B\"}",
                "{\"location\":\"" + wire + "\",\"name\":\"Wire service\"}");

        Run removed = feeds("remove", server.url("/a.xml"));
        assertThat(removed.code()).isZero();
        assertThat(removed.out()).contains("removed feed " + server.url("/a.xml"));
        Run text = feeds("list");
        assertThat(text.out().lines().toList()).containsExactlyInAnyOrder(server.url("/b.xml") + "  (B)", wire + "  (Wire service)");
        assertThat(text.err()).contains("2 feeds on feedcli.news.feeds");

        Run unknown = feeds("remove", "http://127.0.0.1:9/nothing.xml");
        assertThat(unknown.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("no feed http://127.0.0.1:9/nothing.xml on feedcli.news.feeds");
        Run missing = feeds("add", dir.resolve("missing.opml").toString());
        assertThat(missing.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("missing.opml");
        Run twoNamed = feeds("add", opml.toString(), "--name", "X");
        assertThat(twoNamed.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(feeds("list").out().lines()).hasSize(2);

        // A running ingest instance follows the topic: the added feed is polled, the removed one is not, and its state goes.
        Properties client = new Properties();
        client.put("bootstrap.servers", broker.bootstrapServers());
        IngestSettings settings = IngestSettings.from(Settings.of(Map.of("ingest.feeds", "", "ingest.min-interval", "1s",
                "ingest.max-interval", "1s", "ingest.parse-threads", "1", "ingest.health.failing-after", "2")));
        broker.createTopic(TOPICS.raw(), 1, Map.of());
        try (IngestService ingest = new IngestService(settings, client, TOPICS)) {
            ingest.start();
            await(() -> ingest.sources().size() == 2, "the instance to poll the two feeds on the topic");
            String live = server.url("/live.xml");
            assertThat(feeds("add", live).code()).isZero();
            await(() -> server.fetches("/live.xml") >= 2, "the added feed to be polled");
            await(() -> stateRecords(live).size() >= 1, "the added feed's state to be saved");

            // Renamed while polled: the new name is used, and what the feed published is not sent again.
            await(() -> ingest.stats().values().stream().allMatch(f -> f.newArticles() > 0), "every feed's first poll");
            int rawBefore = TopicReader.readAll(broker.bootstrapServers(), TOPICS.raw()).size();
            assertThat(feeds("add", wire, "--name", "Wire, renamed").code()).isZero();
            await(() -> ingest.sources().stream().anyMatch(f -> "Wire, renamed".equals(f.name())), "the rename to reach the instance");
            int fetchedAfterRename = server.fetches("/wire.xml");
            await(() -> server.fetches("/wire.xml") > fetchedAfterRename + 1, "the renamed feed to be polled again");
            assertThat(TopicReader.readAll(broker.bootstrapServers(), TOPICS.raw())).as("nothing sent again").hasSize(rawBefore);

            assertThat(feeds("remove", live).code()).isZero();
            await(() -> ingest.sources().size() == 2, "the removed feed to stop");
            int fetched = server.fetches("/live.xml");
            Thread.sleep(2500);
            assertThat(server.fetches("/live.xml")).as("no poll after the removal").isEqualTo(fetched);
            await(() -> {
                List<ConsumerRecord<String, byte[]>> states = stateRecords(live);
                return !states.isEmpty() && states.get(states.size() - 1).value() == null;
            }, "a tombstone for the removed feed's state");

            // A feed that keeps failing is reported on the feed-status topic; removing it removes its status too.
            String broken = server.url("/gone.xml"); // the server answers 404
            assertThat(feeds("add", broken).code()).isZero();
            await(() -> !statusRecords(broken).isEmpty(), "a status record for the failing feed");
            FeedStatus status = JsonSerde.of(FeedStatus.class).deserialize("t", statusRecords(broken).get(0).value());
            assertThat(status.health()).isEqualTo(FeedStatus.Health.FAILING);
            assertThat(status.reason()).startsWith("2 polls in a row failed; last: fetch failed: HTTP 404");
            assertThat(feeds("remove", broken).code()).isZero();
            await(() -> {
                List<ConsumerRecord<String, byte[]>> statuses = statusRecords(broken);
                return statuses.get(statuses.size() - 1).value() == null;
            }, "a tombstone for the removed feed's status");
        }
    }

    @Test
    @DisplayName("seeding from ingest.feeds adds the configured feeds, removes those no longer configured, never the user's")
    void seeding() {
        Topics topics = new Topics("seeding.");
        Properties client = new Properties();
        client.put("bootstrap.servers", broker.bootstrapServers());
        TopicProvisioner.provision(client, TopicLayout.defaults(topics).only(List.of(topics.feeds())));
        String a = server.url("/a.xml");
        String b = server.url("/b.xml");
        assertThat(FeedBootstrap.seed(seedSettings(a, b), client, topics).written()).extracting(FeedSource::location).containsExactly(a, b);
        String mine = server.url("/wire.xml");
        try (FeedCatalog catalog = new FeedCatalog(client, topics)) {
            catalog.put(new FeedSource(mine, "Mine"), FeedCatalog.Origin.USER);
            // A list that cannot be read: nothing is removed.
            FeedBootstrap.Seeded partial = FeedBootstrap.seed(seedSettings(a, dir.resolve("gone.opml").toString()), client, topics);
            assertThat(partial.removed()).isEmpty();
            assertThat(catalog.list(Duration.ofSeconds(30))).containsOnlyKeys(a, b, mine);

            FeedBootstrap.Seeded seeded = FeedBootstrap.seed(seedSettings(a), client, topics);
            assertThat(seeded.written()).isEmpty();
            assertThat(seeded.removed()).containsExactly(b);
            assertThat(catalog.list(Duration.ofSeconds(30))).containsOnlyKeys(a, mine);
        }
    }

    private static IngestSettings seedSettings(String... feeds) {
        return IngestSettings.from(Settings.of(Map.of("ingest.feeds", String.join(",", feeds))));
    }

    private static List<ConsumerRecord<String, byte[]>> stateRecords(String location) {
        return TopicReader.readAll(broker.bootstrapServers(), TOPICS.feedState()).stream().filter(r -> location.equals(r.key())).toList();
    }

    private static List<ConsumerRecord<String, byte[]>> statusRecords(String feed) {
        return TopicReader.readAll(broker.bootstrapServers(), TOPICS.feedStatus()).stream().filter(r -> feed.equals(r.key())).toList();
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }
}
