package io.newswatch.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.app.testing.FeedServer;
import io.newswatch.app.testing.TopicReader;
import io.newswatch.broker.EmbeddedKafkaExtension;
import io.newswatch.core.Article;
import io.newswatch.core.JsonSerde;
import io.newswatch.core.Settings;
import io.newswatch.core.TopicLayout;
import io.newswatch.core.TopicProvisioner;
import io.newswatch.core.Topics;
import io.newswatch.ingest.FeedSource;
import io.newswatch.ingest.IngestSettings;
import io.newswatch.ingest.group.FeedBootstrap;
import io.newswatch.ingest.service.IngestService;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Three ingest instances share 18 local feeds through the feeds topic's consumer group, on the embedded broker. Each feed
 * gets a new item at every fetch (a window of its latest five), so any lost or re-sent state shows: every feed must be
 * fetched by exactly one instance at a time; when an instance stops, its feeds move to the others; when it comes back
 * it takes a share again; after all stop and a new one starts from the saved states, and at every step, each item must
 * be on the raw topic exactly once.
 */
@DisplayName("ingest instances share the feeds through a consumer group and remember them across moves and restarts")
class SharedIngestIT {

    private static final int FEEDS = 18;
    private static final int WINDOW = 5;
    private static final Topics TOPICS = new Topics("shared.");
    private static final Duration SETTLE = Duration.ofSeconds(90);
    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    @RegisterExtension
    static final EmbeddedKafkaExtension broker = new EmbeddedKafkaExtension();

    private static FeedServer server;
    /** Titles of every item served, over all fetches. */
    private static final Set<String> served = ConcurrentHashMap.newKeySet();
    private static final Instant BASE = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1));
    private static final Map<String, String> pathOf = new LinkedHashMap<>();

    @BeforeAll
    static void feeds() throws Exception {
        server = new FeedServer();
        for (int i = 0; i < FEEDS; i++) {
            int feed = i;
            String path = "/feed-" + i + ".xml";
            pathOf.put(server.serve(path, fetch -> rss(feed, fetch)), path);
        }
        TopicProvisioner.provision(client(), TopicLayout.defaults(TOPICS));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Feed {@code feed} at its {@code fetch}-th fetch: items fetch-4..fetch, newest first, one minute apart. */
    private static byte[] rss(int feed, int fetch) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Feed ")
                .append(feed).append("</title><link>http://127.0.0.1/feed-").append(feed).append("</link><description>test</description>");
        for (int k = fetch; k >= Math.max(0, fetch - WINDOW + 1); k--) {
            String title = "feed " + feed + " item " + k;
            served.add(title);
            xml.append("<item><title>").append(title).append("</title><guid isPermaLink=\"false\">feed-").append(feed).append("-item-")
                    .append(k).append("</guid><link>http://127.0.0.1/feed-").append(feed).append('/').append(k).append("</link><pubDate>")
                    .append(RFC_1123.format(BASE.plus(Duration.ofMinutes(k)))).append("</pubDate><description>Item ").append(k)
                    .append(" of feed ").append(feed).append(".</description></item>");
        }
        return xml.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Properties client() {
        Properties p = new Properties();
        p.put("bootstrap.servers", broker.bootstrapServers());
        return p;
    }

    private static IngestSettings settings(String agent) {
        return IngestSettings.from(Settings.of(Map.of("ingest.feeds", String.join(",", pathOf.keySet()), "ingest.user-agent", agent,
                "ingest.parse-threads", "1", "ingest.min-interval", "1s", "ingest.max-interval", "2s", "ingest.detect-language", "false")));
    }

    private static IngestService instance(String agent) {
        IngestService service = new IngestService(settings(agent), client(), TOPICS);
        service.start();
        return service;
    }

    @Test
    @DisplayName("each feed polled by exactly one live instance; feeds move on leave and join; each item on the raw topic once")
    void shareMoveRemember() throws Exception {
        assertThat(FeedBootstrap.seed(settings("seed"), client(), TOPICS).written()).hasSize(FEEDS);
        assertThat(FeedBootstrap.seed(settings("seed"), client(), TOPICS).written()).as("seeding again writes nothing").isEmpty();

        Map<String, IngestService> live = new LinkedHashMap<>();
        for (String agent : List.of("agent-a", "agent-b", "agent-c")) {
            live.put(agent, instance(agent));
        }
        try {
            awaitShared(live);
            assertEachFeedFetchedByOne(live.keySet());
            Set<String> feedsOfB = locations(live.get("agent-b"));

            live.remove("agent-b").close();
            awaitShared(live);
            Map<String, Set<String>> fetchers = assertEachFeedFetchedByOne(live.keySet());
            for (String location : feedsOfB) {
                assertThat(fetchers.get(pathOf.get(location))).as("a feed of the stopped instance moved").doesNotContain("agent-b");
            }

            live.put("agent-b", instance("agent-b"));
            awaitShared(live);
            assertEachFeedFetchedByOne(live.keySet());
            assertThat(locations(live.get("agent-b"))).as("the instance that came back took a share").isNotEmpty();
        } finally {
            live.values().forEach(IngestService::close);
        }

        // Everything stopped; a new instance goes on from the saved states: nothing is sent again.
        try (IngestService alone = instance("agent-d")) {
            awaitShared(Map.of("agent-d", alone));
            server.forgetFetchers();
            Thread.sleep(4000);
            assertThat(server.fetchers().values()).allSatisfy(agents -> assertThat(agents).containsExactly("agent-d"));
        }

        List<String> titles = new ArrayList<>();
        JsonSerde<Article> serde = JsonSerde.of(Article.class);
        for (ConsumerRecord<String, byte[]> r : TopicReader.readAll(broker.bootstrapServers(), TOPICS.raw())) {
            titles.add(serde.deserialize(r.topic(), r.value()).title());
        }
        assertThat(titles).as("each item on the raw topic once").doesNotHaveDuplicates();
        assertThat(new HashSet<>(titles)).as("every item served was published").isEqualTo(served);
    }

    private static Set<String> locations(IngestService service) {
        return service.sources().stream().map(FeedSource::location).collect(Collectors.toSet());
    }

    /** Waits until the live instances own every partition between them, none twice, each some, and poll every feed once. */
    private static void awaitShared(Map<String, IngestService> live) throws InterruptedException {
        Set<Integer> all = IntStream.range(0, 6).boxed().collect(Collectors.toSet());
        await(() -> {
            List<Set<Integer>> owned = live.values().stream().map(IngestService::ownedPartitions).toList();
            Set<Integer> union = owned.stream().flatMap(Set::stream).collect(Collectors.toSet());
            int feeds = live.values().stream().mapToInt(s -> s.sources().size()).sum();
            Set<String> locations = live.values().stream().flatMap(s -> locations(s).stream()).collect(Collectors.toSet());
            return union.equals(all) && owned.stream().mapToInt(Set::size).sum() == all.size() && owned.stream().noneMatch(Set::isEmpty)
                    && feeds == FEEDS && locations.equals(pathOf.keySet()) && live.values().stream().allMatch(IngestService::running);
        }, "the live instances " + live.keySet() + " to share all partitions and feeds");
    }

    /** Over a few seconds of polling, every feed is fetched, each by one of {@code agents} only. */
    private static Map<String, Set<String>> assertEachFeedFetchedByOne(Set<String> agents) throws InterruptedException {
        server.forgetFetchers();
        Thread.sleep(5000);
        Map<String, Set<String>> fetchers = server.fetchers();
        assertThat(fetchers.keySet()).as("every feed fetched").containsExactlyInAnyOrderElementsOf(pathOf.values());
        assertThat(fetchers.values()).allSatisfy(by -> assertThat(by).hasSize(1).isSubsetOf(agents));
        return fetchers;
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }
}
