package io.newswatch.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ArticleIdsTest {

    private static final Instant T = Instant.parse("2025-10-17T06:45:00Z");

    @Test
    @DisplayName("a real GUID gives a g- id, the same from any feed of the same publisher")
    void guid() {
        String a = ArticleIds.of("gaw-0412", "https://wire.example.com/a", "wire.example.com", "https://wire.example.com/feed1", "T", T);
        String b = ArticleIds.of("gaw-0412", "https://wire.example.com/a?x=1", "wire.example.com", "https://wire.example.com/feed2", "T2", null);
        assertThat(a).startsWith("g-").hasSize(34).isEqualTo(b);
        assertThat(ArticleIds.of("gaw-0412", null, "other.example.org", "f", "T", T)).isNotEqualTo(a);
    }

    @Test
    @DisplayName("a GUID that is a bare link is not an identifier: the canonical link decides")
    void guidLink() {
        String viaGuid = ArticleIds.of("https://wire.example.com/a?utm_source=rss", "https://wire.example.com/a", "wire.example.com", "f", "T", T);
        String viaLink = ArticleIds.of(null, "https://wire.example.com/a", "wire.example.com", "g", "other title", null);
        assertThat(viaGuid).startsWith("u-").isEqualTo(viaLink);
    }

    @Test
    @DisplayName("no GUID and no link: h- hash of feed, title and date, stable across calls")
    void hash() {
        String a = ArticleIds.of(null, null, null, "file:///f.xml", "Title", T);
        assertThat(a).startsWith("h-").isEqualTo(ArticleIds.of(null, null, null, "file:///f.xml", "Title", T));
        assertThat(a).isNotEqualTo(ArticleIds.of(null, null, null, "file:///f.xml", "Title", T.plusSeconds(1)));
    }

    @Test
    @DisplayName("ids are short and key-safe whatever the GUID holds")
    void safe() {
        assertThat(ArticleIds.of("a/b c?d&e=f\n" + "x".repeat(500), null, null, "f", "t", null)).matches("g-[0-9a-f]{32}");
    }
}
