package io.newswatch.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.core.Alert;
import io.newswatch.core.AlertArticle;
import io.newswatch.core.AlertStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AlertTextTest {

    @Test
    @DisplayName("readable: status, watch, bucket in UTC, the numbers, one line per cited article")
    void readable() {
        Instant start = Instant.parse("2026-11-26T15:20:00Z");
        Alert a = new Alert(1, "tomahawk@" + start, "tomahawk", "Tomahawk missiles", AlertStatus.OPENED, start, start.plusSeconds(600),
                14, 12, 0.5, 12.49, 5, 9,
                List.of(new AlertArticle("a1", "US weighs Tomahawk sale", "https://a.example/1", "Northern Ledger", start.plusSeconds(65))),
                "Spike: ...", start.plusSeconds(200));
        String text = AlertText.readable(a);
        assertThat(text.lines().toList()).containsExactly(
                "[OPENED] tomahawk (Tomahawk missiles)  bucket 2026-11-26 15:20-15:30 UTC",
                "  14 articles from 5 sources, 9 stories; expected 0.5, score 12.5 (counted 12 after the per-source cap), bucket 10m",
                "  15:21  Northern Ledger  US weighs Tomahawk sale  https://a.example/1");
    }
}
