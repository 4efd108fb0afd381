package io.newswatch.enrich.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.core.Article;
import io.newswatch.enrich.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DuplicateIndexTest {

    private static final long DAY = Duration.ofDays(1).toMillis();

    private final Map<String, Long> seen = new HashMap<>();
    private final DuplicateIndex index = new DuplicateIndex(Duration.ofDays(7), new DuplicateIndex.SeenStore() {
        @Override
        public Long lastSeen(String key) {
            return seen.get(key);
        }

        @Override
        public void markSeen(String key, long eventTimeMs) {
            seen.put(key, eventTimeMs);
        }
    });

    @Test
    @DisplayName("the same key within the retention is a duplicate, and says which key matched")
    void repeatWithinRetention() {
        assertThat(index.check(List.of("id:a"), 0).duplicate()).isFalse();

        DuplicateIndex.Verdict verdict = index.check(List.of("id:b", "link:x", "id:a"), 6 * DAY);
        assertThat(verdict.duplicate()).isTrue();
        assertThat(verdict.matchedKey()).isEqualTo("id:a");
    }

    @Test
    @DisplayName("after the retention the same key passes again")
    void afterRetention() {
        index.check(List.of("id:a"), 0);

        assertThat(index.check(List.of("id:a"), 8 * DAY).duplicate()).isFalse();
    }

    @Test
    @DisplayName("every sighting refreshes the key, so an item listed for weeks stays dropped")
    void sightingsRefresh() {
        index.check(List.of("id:a"), 0);
        index.check(List.of("id:a"), 5 * DAY);

        assertThat(index.check(List.of("id:a"), 11 * DAY).duplicate()).isTrue();
    }

    @Test
    @DisplayName("a late copy with an older event time is still a duplicate")
    void lateCopy() {
        index.check(List.of("id:a"), 5 * DAY);

        assertThat(index.check(List.of("id:a"), DAY).duplicate()).isTrue();
        assertThat(seen.get("id:a")).isEqualTo(5 * DAY);
    }

    @Test
    @DisplayName("keys expire only when last seen more than the retention ago")
    void expiry() {
        assertThat(index.isExpired(0, 7 * DAY)).isFalse();
        assertThat(index.isExpired(0, 7 * DAY + 1)).isTrue();
    }

    @Test
    @DisplayName("keys are the id, the canonical link and the GUID; a short GUID is scoped to its feed")
    void keys() {
        Instant t = Instant.EPOCH;
        Article withUrnGuid = Fixtures.article("id1", "t", "", "https://x.com/a", "urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427", t);
        Article withShortGuid = Fixtures.article("id2", "t", "", null, "12345", t);

        assertThat(DuplicateKeys.of(withUrnGuid)).containsExactly(
                "id:id1", "link:https://x.com/a", "guid:urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427");
        assertThat(DuplicateKeys.of(withShortGuid)).containsExactly("id:id2", "guid:https://example.com/feed.xml#12345");
    }

    @Test
    @DisplayName("a link to a site's home page is not a key: feeds that link every item there keep all items")
    void homePageLinks() {
        Article linkedHome = Fixtures.article("id3", "t", "", "https://example.com/", null, Instant.EPOCH);

        assertThat(DuplicateKeys.of(linkedHome)).containsExactly("id:id3");
        assertThat(DuplicateKeys.isHomePage("https://example.com")).isTrue();
        assertThat(DuplicateKeys.isHomePage("https://example.com/news/1")).isFalse();
        assertThat(DuplicateKeys.isHomePage("https://example.com/?p=12")).isFalse();
    }
}
