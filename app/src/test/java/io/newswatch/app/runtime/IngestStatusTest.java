package io.newswatch.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.ingest.FeedStats;
import io.newswatch.core.FeedStatus.Health;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the periodic ingest status line")
class IngestStatusTest {

    private static FeedStats feed(String url, long fetches, long articles, int consecutiveErrors, String lastError) {
        return new FeedStats(url, null, fetches, 1, articles, consecutiveErrors, consecutiveErrors, Duration.ofMinutes(5), lastError,
                lastError == null ? null : Instant.EPOCH, Instant.EPOCH, Health.HEALTHY);
    }

    @Test
    @DisplayName("counts healthy and failing feeds and articles, and names the feeds failing longest first")
    void summary() {
        String line = IngestStatus.summarize(List.of(
                feed("https://a.example/rss", 4, 12, 0, null),
                feed("https://b.example/rss", 4, 0, 1, "HTTP 503"),
                feed("https://c.example/rss", 4, 0, 4, "connection refused")));
        assertThat(line).isEqualTo("ingest: 3 feeds, 1 healthy, 2 failing; 12 new articles from 12 fetches (3 not modified) since start; "
                + "failing longest: https://c.example/rss (4x: connection refused), https://b.example/rss (1x: HTTP 503)");
    }

    @Test
    @DisplayName("all healthy: no failing list")
    void healthy() {
        assertThat(IngestStatus.summarize(List.of(feed("https://a.example/rss", 2, 3, 0, null))))
                .isEqualTo("ingest: 1 feeds, 1 healthy, 0 failing; 3 new articles from 2 fetches (1 not modified) since start");
    }
}
