package io.newswatch.alerts.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.core.JsonSerde;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("hits and volume reports cross the repartition topic as JSON and come back the same")
class ArticleHitsJsonTest {

    private static final JsonSerde<ArticleHits> SERDE = JsonSerde.of(ArticleHits.class);
    private static final Instant T = Instant.parse("2023-06-21T14:00:00Z");

    @Test
    @DisplayName("a hit (no volume map: reportsVolume() is not written as a 'volume' field)")
    void hit() {
        ArticleHits hit = ArticleHits.hit("a1", T, "outlet.example", "Outlet", "s1", "Title", "https://outlet.example/1", List.of("quake"));
        ArticleHits back = SERDE.deserialize("t", SERDE.serialize("t", hit));
        assertThat(back).isEqualTo(hit);
        assertThat(back.reportsVolume()).isFalse();
    }

    @Test
    @DisplayName("a volume report")
    void volume() {
        ArticleHits report = ArticleHits.volume(T, Map.of(100L, 7L, 101L, 3L));
        ArticleHits back = SERDE.deserialize("t", SERDE.serialize("t", report));
        assertThat(back).isEqualTo(report);
        assertThat(back.reportsVolume()).isTrue();
    }
}
