package io.newswatch.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class JsonSerdeTest {

    private static final Instant T = Instant.parse("2025-10-17T08:30:00Z");

    static Article article() {
        return new Article(Article.SCHEMA_VERSION, "a1", "https://example.org/rss", "Example News", "example.org",
                "Trump weighs Tomahawk sale", "Summary", "https://example.org/a?utm_source=x", "https://example.org/a",
                null, List.of("A. Writer"), List.of("World"), "en", T, T.plusSeconds(60), T, EventTimeSource.PUBLISHED);
    }

    @Test
    @DisplayName("records round-trip with camelCase fields and ISO-8601 UTC times")
    void roundTrip() {
        JsonSerde<EnrichedArticle> serde = JsonSerde.of(EnrichedArticle.class);
        EnrichedArticle enriched = new EnrichedArticle(EnrichedArticle.SCHEMA_VERSION, article(),
                List.of(new TagMatch("arms-transfer", "Arms transfer", List.of("Tomahawk", "sale"))),
                List.of(new EntityMatch(EntityType.WEAPON, "weapon:tomahawk", "Tomahawk", List.of("Tomahawk"))),
                "s1", "2025.1", T);

        byte[] bytes = serde.serialize("t", enriched);
        String json = new String(bytes, StandardCharsets.UTF_8);

        assertThat(json).contains("\"publishedAt\":\"2025-10-17T08:30:00Z\"", "\"eventTimeSource\":\"PUBLISHED\"",
                "\"schemaVersion\":1", "\"canonicalLink\"");
        assertThat(json).doesNotContain("\"guid\"");
        assertThat(serde.deserialize("t", bytes)).isEqualTo(enriched);
    }

    @Test
    @DisplayName("durations are ISO-8601 strings and unknown fields from newer writers are ignored")
    void durationsAndUnknownFields() {
        JsonSerde<WatchInput> serde = JsonSerde.of(WatchInput.class);
        WatchInput watch = new WatchInput(1, "w", "d", null, "summit", null, Duration.ofMinutes(10), Duration.ofDays(3),
                4.0, 3, 2, Duration.ofHours(1), null, null, true, null);
        String json = new String(serde.serialize("t", watch), StandardCharsets.UTF_8);
        assertThat(json).contains("\"bucket\":\"PT10M\"");

        String newer = json.replace("{", "{\"someFutureField\":42,");
        assertThat(serde.deserialize("t", newer.getBytes(StandardCharsets.UTF_8))).isEqualTo(watch);
    }

    @Test
    @DisplayName("bad bytes fail as Kafka's SerializationException naming the type and topic")
    void badBytes() {
        JsonSerde<Article> serde = JsonSerde.of(Article.class);
        assertThatThrownBy(() -> serde.deserialize("news.articles.raw", "{not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Article")
                .hasMessageContaining("news.articles.raw");
    }

    @Test
    @DisplayName("null stays null both ways (tombstones)")
    void nulls() {
        JsonSerde<WatchInput> serde = JsonSerde.of(WatchInput.class);
        assertThat(serde.serialize("t", null)).isNull();
        assertThat(serde.deserialize("t", null)).isNull();
    }
}
