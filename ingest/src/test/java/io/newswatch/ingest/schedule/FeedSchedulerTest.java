package io.newswatch.ingest.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.ingest.FeedSource;
import io.newswatch.ingest.Fixtures;
import io.newswatch.ingest.extract.ArticleExtractor;
import io.newswatch.ingest.fetch.FeedFetcher;
import io.newswatch.ingest.fetch.FetchResult;
import io.newswatch.ingest.fetch.Validators;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FeedSchedulerTest {

    /** Answers 304 at once, except for feeds told to wait: those block until released. */
    static final class GatedFetcher implements FeedFetcher {
        final ConcurrentHashMap<String, AtomicInteger> fetches = new ConcurrentHashMap<>();
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        volatile String gated;

        @Override
        public FetchResult fetch(String location, Validators validators) {
            fetches.computeIfAbsent(location, l -> new AtomicInteger()).incrementAndGet();
            if (location.equals(gated)) {
                entered.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return new FetchResult.NotModified(null);
        }

        int count(String location) {
            AtomicInteger n = fetches.get(location);
            return n == null ? 0 : n.get();
        }
    }

    private final GatedFetcher fetcher = new GatedFetcher();
    private final List<Long> starts = new CopyOnWriteArrayList<>();
    private final PollIntervalPolicy policy = new PollIntervalPolicy(Duration.ofMillis(50), Duration.ofMillis(50), Duration.ofSeconds(1),
            new Random(1));
    private final List<String> afterPoll = new CopyOnWriteArrayList<>();
    private final FeedScheduler scheduler = new FeedScheduler(new FeedPoller(fetcher, fetcher, ArticleExtractor.direct(Fixtures.settings()),
            new FeedPollerTest.CollectingSink(), policy, Clock.systemUTC()), Duration.ofSeconds(1),
            (feed, next) -> afterPoll.add(feed.source().location()));

    @AfterEach
    void close() {
        scheduler.close();
    }

    private FeedState feed(String location) {
        return new FeedState(new FeedSource(location, null), 10, Duration.ofMillis(50));
    }

    @Test
    @DisplayName("each started feed is polled again and again; a stopped one is not polled any more")
    void startAndStop() throws Exception {
        scheduler.start(feed("https://a.example/rss"), Duration.ZERO);
        scheduler.start(feed("https://b.example/rss"), Duration.ZERO);
        scheduler.start(feed("https://a.example/rss"), Duration.ZERO); // already polled: ignored
        assertThat(scheduler.locations()).containsExactlyInAnyOrder("https://a.example/rss", "https://b.example/rss");
        awaitFetches("https://a.example/rss", 3);

        FeedState stopped = scheduler.stop("https://a.example/rss", Duration.ofSeconds(5));
        assertThat(stopped.source().location()).isEqualTo("https://a.example/rss");
        int fetched = fetcher.count("https://a.example/rss");
        int before = fetcher.count("https://b.example/rss");
        Thread.sleep(300);
        assertThat(fetcher.count("https://a.example/rss")).isEqualTo(fetched);
        assertThat(fetcher.count("https://b.example/rss")).isGreaterThan(before);
        assertThat(scheduler.locations()).containsExactly("https://b.example/rss");
        assertThat(scheduler.stop("https://a.example/rss", Duration.ofSeconds(1))).isNull();
    }

    @Test
    @DisplayName("stop() waits for the poll in flight and its after-poll step (where the state is saved) before it returns")
    void stopWaitsForThePollInFlight() throws Exception {
        fetcher.gated = "https://slow.example/rss";
        scheduler.start(feed("https://slow.example/rss"), Duration.ZERO);
        assertThat(fetcher.entered.await(5, TimeUnit.SECONDS)).isTrue();
        Thread releaser = Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            fetcher.release.countDown();
        });
        scheduler.stop("https://slow.example/rss", Duration.ofSeconds(5));
        assertThat(afterPoll).containsExactly("https://slow.example/rss");
        releaser.join();
        Thread.sleep(200);
        assertThat(fetcher.count("https://slow.example/rss")).as("not polled again after stop").isEqualTo(1);
    }

    @Test
    @DisplayName("a first delay is honoured: a feed due later is not polled before")
    void firstDelay() throws Exception {
        scheduler.start(feed("https://later.example/rss"), Duration.ofSeconds(30));
        Thread.sleep(300);
        assertThat(fetcher.count("https://later.example/rss")).isZero();
    }

    @Test
    @DisplayName("the next poll is due one interval after the previous was due: a slow poll does not push the feed's schedule back")
    void fixedRate() throws Exception {
        // A 50 ms interval and polls that take 30 ms: counted from the end of each poll, polls would start 80 ms apart.
        FeedFetcher slow = (location, validators) -> {
            fetcher.fetches.computeIfAbsent(location, l -> new AtomicInteger()).incrementAndGet();
            starts.add(System.nanoTime());
            try {
                Thread.sleep(30);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new FetchResult.NotModified(null);
        };
        List<Duration> nexts = new CopyOnWriteArrayList<>();
        try (FeedScheduler fixed = new FeedScheduler(new FeedPoller(slow, slow, ArticleExtractor.direct(Fixtures.settings()),
                new FeedPollerTest.CollectingSink(), policy, Clock.systemUTC()), Duration.ofSeconds(1), (feed, next) -> nexts.add(next))) {
            fixed.start(feed("https://slow.example/rss"), Duration.ZERO);
            awaitFetches("https://slow.example/rss", 11);
        }
        long tenGaps = starts.get(10) - starts.get(0);
        assertThat(Duration.ofNanos(tenGaps)).as("ten polls at a 50 ms interval, each taking 30 ms")
                .isBetween(Duration.ofMillis(480), Duration.ofMillis(700));
        assertThat(nexts.get(0)).as("the wait handed to the after-poll step is what is left of the interval")
                .isLessThan(Duration.ofMillis(50));
    }

    private void awaitFetches(String location, int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (fetcher.count(location) < n) {
            assertThat(System.nanoTime()).as("polled " + n + " times in time").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
