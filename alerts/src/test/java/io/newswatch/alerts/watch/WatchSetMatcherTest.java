package io.newswatch.alerts.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.alerts.testing.Articles;
import io.newswatch.core.EnrichedArticle;
import io.newswatch.core.Watch;
import io.newswatch.core.WatchSubject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WatchSetMatcherTest {

    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    private static Watch watch(String id, String query, String entity) {
        // Built directly, not validated: a query that no longer compiles must be handled as it would be at run time.
        WatchSubject subject = query != null ? new WatchSubject.Query(query) : new WatchSubject.Entity(entity);
        return new Watch(id, id, subject, Duration.ofMinutes(10), Duration.ofDays(7), 2.5, 5, 3, Duration.ofHours(1), null, null, true,
                null);
    }

    @Test
    @DisplayName("one matcher for all watches gives what each watch's own matcher gives, sorted by id; a query that does not compile matches nothing")
    void sameAsOneMatcherPerWatch() {
        List<Watch> watches = List.of(watch("z-budapest", "budapest OR hungar*", null), watch("a-tomahawk", null, "weapon:tomahawk"),
                watch("m-missiles", "missile*", null), watch("broken", "\"unclosed", null), watch("q-rain", "rain", null));
        List<WatchMatcher> single = watches.stream().map(WatchMatcher::of).toList();
        List<EnrichedArticle> articles = List.of(
                Articles.tomahawk("t1", "a.example", T),
                Articles.article("h1", "b.example", "Summit in Budapest as Hungary hosts talks", T, List.of(Articles.HUNGARY)),
                Articles.article("m1", "c.example", "New missiles and Tomahawk talks", T, List.of(Articles.TOMAHAWK)),
                Articles.other("o1", "d.example", T));
        try (WatchSetMatcher set = WatchSetMatcher.of(single)) {
            for (EnrichedArticle a : articles) {
                List<String> expected = single.stream().filter(m -> m.matches(a)).map(m -> m.watch().id()).sorted().toList();
                assertThat(set.matches(a)).as(a.article().title()).isEqualTo(expected);
            }
            assertThat(set.matches(articles.get(2))).containsExactly("a-tomahawk", "m-missiles");
            assertThat(set.matches(articles.get(1))).containsExactly("z-budapest");
        }
        single.forEach(WatchMatcher::close);
    }
}
