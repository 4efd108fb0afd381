package io.newswatch.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BoundedFeedParserTest {

    private static final ParsedFeed EMPTY = new ParsedFeed("t", null, null, null, List.of(), List.of());

    /** A parse that takes {@code millis}, or fails at its deadline, as the real parser's input does. */
    private static BoundedFeedParser.Parse taking(long millis) {
        return (body, charset, url, deadline) -> {
            long end = System.nanoTime() + Duration.ofMillis(millis).toNanos();
            while (System.nanoTime() < end) {
                if (System.nanoTime() > deadline) {
                    throw new FeedParseException("parse took longer than its limit");
                }
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    throw new FeedParseException("interrupted");
                }
            }
            return EMPTY;
        };
    }

    @Test
    @DisplayName("time queued behind other feeds does not count against a feed's parse limit")
    void queueingIsNotTheFeedsFault() throws Exception {
        // One thread, a 300 ms limit, six parses of 150 ms each: the last waits 750 ms in the queue, and still succeeds.
        try (BoundedFeedParser parser = new BoundedFeedParser(1, 16, Duration.ofMillis(300), taking(150));
                ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<ParsedFeed>> results = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                results.add(callers.submit(() -> parser.parse(new byte[0], null, "https://example.com/rss")));
            }
            for (Future<ParsedFeed> r : results) {
                assertThat(r.get()).isSameAs(EMPTY);
            }
        }
    }

    @Test
    @DisplayName("a parse running past its limit is abandoned, counted from when it started")
    void tooLong() {
        try (BoundedFeedParser parser = new BoundedFeedParser(1, 16, Duration.ofMillis(200), taking(5_000))) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> parser.parse(new byte[0], null, "https://example.com/rss")).isInstanceOf(FeedParseException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        }
    }
}
