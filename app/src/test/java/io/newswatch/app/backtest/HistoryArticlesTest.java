package io.newswatch.app.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.alerts.detect.Hit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("a stored history handed to the detector in event-time order")
class HistoryArticlesTest {

    private record Seen(long timeMs, String id, List<String> watches) {
    }

    private static Hit hit(String id, long t) {
        return new Hit(id, Instant.ofEpochMilli(t), "src", "Source", "s-" + id, "Title " + id, "https://x.example/" + id);
    }

    private static List<Seen> seen(HistoryArticles h, long from, long until) {
        List<Seen> out = new ArrayList<>();
        h.inOrder(from, until, (hit, ids) -> out.add(new Seen(hit.eventTime().toEpochMilli(), hit.articleId(), ids)));
        return out;
    }

    @Test
    @DisplayName("articles read out of order (partitions interleave) come out by time, matched ones with their hit and watches")
    void order() {
        HistoryArticles h = new HistoryArticles();
        h.add(50, null, List.of());
        h.add(30, hit("b", 30), List.of("quake"));
        h.add(10, null, List.of());
        h.add(40, null, List.of());
        h.add(20, hit("a", 20), List.of("quake", "summit"));
        for (int i = 0; i < 10_000; i++) {
            h.add(1_000 - i % 7, null, List.of()); // more than the first array holds
        }
        assertThat(h.size()).isEqualTo(10_005);
        assertThat(h.matched()).isEqualTo(2);
        List<Seen> all = seen(h, Long.MIN_VALUE, Long.MAX_VALUE);
        assertThat(all).hasSize(10_005);
        assertThat(all).extracting(Seen::timeMs).isSorted();
        assertThat(all.subList(0, 5)).containsExactly(new Seen(10, null, List.of()), new Seen(20, "a", List.of("quake", "summit")),
                new Seen(30, "b", List.of("quake")), new Seen(40, null, List.of()), new Seen(50, null, List.of()));
    }

    @Test
    @DisplayName("only the span asked for: from inclusive, until exclusive; it can be asked again")
    void span() {
        HistoryArticles h = new HistoryArticles();
        for (long t = 0; t < 100; t += 10) {
            h.add(t, t % 20 == 0 ? hit("m" + t, t) : null, t % 20 == 0 ? List.of("w") : List.of());
        }
        assertThat(seen(h, 20, 60)).extracting(Seen::timeMs).containsExactly(20L, 30L, 40L, 50L);
        assertThat(seen(h, 25, 41)).extracting(Seen::timeMs).containsExactly(30L, 40L);
        assertThat(seen(h, 1000, 2000)).isEmpty();
    }
}
