package io.newswatch.ingest.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.core.Article;
import io.newswatch.core.JsonSerde;
import io.newswatch.ingest.FeedSource;
import io.newswatch.ingest.FeedStats;
import io.newswatch.ingest.Fixtures;
import io.newswatch.ingest.extract.ArticleExtractor;
import io.newswatch.ingest.fetch.FeedFetcher;
import io.newswatch.ingest.fetch.FetchResult;
import io.newswatch.ingest.fetch.Validators;
import io.newswatch.ingest.publish.ArticleSink;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FeedPollerTest {

    /** Answers with a scripted sequence of results and records the validators it was sent. */
    static final class ScriptedFetcher implements FeedFetcher {
        final Deque<FetchResult> script = new ArrayDeque<>();
        final List<Validators> sent = new ArrayList<>();

        @Override
        public FetchResult fetch(String location, Validators validators) {
            sent.add(validators);
            return script.removeFirst();
        }
    }

    /** Collects what is published; can be told to fail. */
    static final class CollectingSink implements ArticleSink {
        final List<Article> published = new ArrayList<>();
        boolean fail;

        @Override
        public PublishResult publish(List<Article> articles) {
            if (fail) {
                return new PublishResult(List.of(), "broker unavailable");
            }
            published.addAll(articles);
            return new PublishResult(articles, null);
        }

        @Override
        public void close() {
        }
    }

    private final ScriptedFetcher fetcher = new ScriptedFetcher();
    private final CollectingSink sink = new CollectingSink();
    private final PollIntervalPolicy policy = new PollIntervalPolicy(Duration.ofMinutes(2), Duration.ofMinutes(30), Duration.ofHours(2),
            new Random(1));
    private final FeedPoller poller = new FeedPoller(fetcher, fetcher, ArticleExtractor.direct(Fixtures.settings()), sink, policy,
            Clock.fixed(Fixtures.FETCHED_AT, ZoneOffset.UTC));
    private final FeedState state = new FeedState(new FeedSource("https://user:pw@fixture.example.com/feed.xml?token=s3cret", "Fixture"),
            100, policy.initial());

    private static FetchResult.Fetched body(String fixture, String etag) {
        return new FetchResult.Fetched(Fixtures.bytes(fixture), null, "https://fixture.example.com/feed.xml", new Validators(etag, null), null);
    }

    @Test
    @DisplayName("articles already published by the feed are not sent again; validators go back on the next fetch")
    void noResend() {
        fetcher.script.add(body("rss20-basic.xml", "\"v1\""));
        fetcher.script.add(body("rss20-basic.xml", "\"v2\""));
        fetcher.script.add(new FetchResult.NotModified(null));
        poller.poll(state);
        poller.poll(state);
        poller.poll(state);
        assertThat(sink.published).hasSize(2);
        assertThat(fetcher.sent).extracting(Validators::etag).containsExactly(null, "\"v1\"", "\"v2\"");
        FeedStats stats = state.stats();
        assertThat(stats.fetches()).isEqualTo(3);
        assertThat(stats.notModified()).isEqualTo(1);
        assertThat(stats.newArticles()).isEqualTo(2);
        assertThat(stats.errors()).isZero();
        assertThat(stats.feed()).doesNotContain("pw").doesNotContain("s3cret");
    }

    @Test
    @DisplayName("a publish failure is counted, the articles retried on the next poll, and the validators not kept")
    void publishFailure() {
        sink.fail = true;
        fetcher.script.add(body("rss20-basic.xml", "\"v1\""));
        fetcher.script.add(body("rss20-basic.xml", "\"v1\""));
        poller.poll(state);
        assertThat(state.stats().errors()).isEqualTo(1);
        assertThat(state.stats().lastError()).contains("broker unavailable");
        sink.fail = false;
        poller.poll(state);
        assertThat(sink.published).hasSize(2);
        assertThat(fetcher.sent.get(1).etag()).isNull();
        assertThat(state.stats().consecutiveErrors()).isZero();
    }

    @Test
    @DisplayName("fetch and parse failures are counted, back off, and honour Retry-After")
    void failures() {
        fetcher.script.add(new FetchResult.Failed("HTTP 429 Too Many Requests", Duration.ofHours(1)));
        fetcher.script.add(body("html-page.html", null));
        Duration first = poller.poll(state);
        Duration second = poller.poll(state);
        assertThat(first).isEqualTo(Duration.ofHours(1));
        assertThat(second).isBetween(Duration.ofMinutes(2), Duration.ofMinutes(4));
        FeedStats stats = state.stats();
        assertThat(stats.errors()).isEqualTo(2);
        assertThat(stats.consecutiveErrors()).isEqualTo(2);
        assertThat(stats.lastError()).startsWith("parse failed").contains("HTML page");
        assertThat(stats.currentInterval()).isEqualTo(second);
    }

    @Test
    @DisplayName("a poll that found no connection slot is neither a fetch nor an error, and is tried again within seconds")
    void deferred() {
        fetcher.script.add(new FetchResult.Deferred("waited PT1M for a free connection slot to fixture.example.com"));
        Duration next = poller.poll(state);
        assertThat(next).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(10));
        FeedStats stats = state.stats();
        assertThat(stats.fetches()).isZero();
        assertThat(stats.errors()).isZero();
        assertThat(stats.lastError()).isNull();
    }

    @Test
    @DisplayName("a 304 after an error returns to the healthy interval instead of keeping the backoff")
    void notModifiedAfterError() {
        fetcher.script.add(body("rss20-basic.xml", "\"v1\""));
        fetcher.script.add(new FetchResult.Failed("HTTP 500", Duration.ofHours(3)));
        fetcher.script.add(new FetchResult.NotModified(null));
        Duration healthy = poller.poll(state);
        assertThat(poller.poll(state)).isEqualTo(Duration.ofHours(3));
        assertThat(poller.poll(state)).isEqualTo(healthy);
    }

    @Test
    @DisplayName("a state saved after a poll and restored elsewhere sends the same validators, skips the published ids, keeps the streak")
    void savedAndRestored() {
        fetcher.script.add(body("rss20-basic.xml", "\"v1\""));
        fetcher.script.add(new FetchResult.Failed("HTTP 503", null));
        poller.poll(state);
        Duration next = poller.poll(state);
        SavedFeedState saved = state.save(Fixtures.FETCHED_AT.plus(next), Fixtures.FETCHED_AT);
        assertThat(saved.location()).isEqualTo(state.source().location());
        assertThat(saved.seenIds()).hasSize(2);
        assertThat(saved.consecutiveErrors()).isEqualTo(1);
        assertThat(saved.lastError()).contains("HTTP 503");
        assertThat(saved.nextPollAt()).isEqualTo(Fixtures.FETCHED_AT.plus(next));
        assertThat(saved.newestItemAt()).isNotNull();

        FeedState restored = FeedState.restore(state.source(), 100, policy.initial(), saved);
        fetcher.script.add(body("rss20-basic.xml", "\"v2\""));
        poller.poll(restored);
        assertThat(fetcher.sent.get(2).etag()).isEqualTo("\"v1\"");
        assertThat(sink.published).as("nothing sent again").hasSize(2);
        assertThat(restored.stats().consecutiveErrors()).isZero();
        assertThat(restored.stats().fetches()).as("counters are per process").isEqualTo(1);
    }

    @Test
    @DisplayName("a saved state keeps twice the ids of the feed's last body, at least 100, at most 1,000")
    void savedIdsFollowTheFeedsSize() {
        FeedState big = new FeedState(state.source(), 5000, policy.initial());
        for (int i = 0; i < 3000; i++) {
            big.seen().add("id-" + i);
        }
        assertThat(big.save(Fixtures.FETCHED_AT, Fixtures.FETCHED_AT).seenIds()).hasSize(100).endsWith("id-2999");
        big.listedItems(80);
        assertThat(big.save(Fixtures.FETCHED_AT, Fixtures.FETCHED_AT).seenIds()).hasSize(160);
        big.listedItems(900);
        assertThat(big.save(Fixtures.FETCHED_AT, Fixtures.FETCHED_AT).seenIds()).hasSize(1000);
        assertThat(FeedState.restore(state.source(), 5000, policy.initial(), big.save(Fixtures.FETCHED_AT, Fixtures.FETCHED_AT))
                .save(Fixtures.FETCHED_AT, Fixtures.FETCHED_AT).seenIds()).as("the size survives a move").hasSize(1000);
    }

    @Test
    @DisplayName("a saved state goes through JSON unchanged")
    void savedStateJson() {
        fetcher.script.add(body("rss20-basic.xml", "\"v1\""));
        poller.poll(state);
        SavedFeedState saved = state.save(Fixtures.FETCHED_AT.plusSeconds(600), Fixtures.FETCHED_AT);
        JsonSerde<SavedFeedState> serde = JsonSerde.of(SavedFeedState.class);
        assertThat(serde.deserialize("t", serde.serialize("t", saved))).isEqualTo(saved);
    }

    @Test
    @DisplayName("the feed's ttl is a floor on the next interval")
    void ttlFloor() {
        fetcher.script.add(new FetchResult.Fetched(seedLike(), null, "https://fixture.example.com/feed.xml", Validators.NONE, null));
        assertThat(poller.poll(state)).isGreaterThanOrEqualTo(Duration.ofMinutes(25));
    }

    private static byte[] seedLike() {
        return ("<rss version=\"2.0\"><channel><title>t</title><link>https://fixture.example.com/</link><ttl>25</ttl>"
                + "<item><title>a</title><link>https://fixture.example.com/1</link><pubDate>Fri, 17 Oct 2025 11:58:00 GMT</pubDate></item>"
                + "<item><title>b</title><link>https://fixture.example.com/2</link><pubDate>Fri, 17 Oct 2025 11:57:00 GMT</pubDate></item>"
                + "</channel></rss>").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
