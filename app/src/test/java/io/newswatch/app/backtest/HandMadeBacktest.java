package io.newswatch.app.backtest;

import io.newswatch.alerts.AlertsSettings;
import io.newswatch.alerts.watch.WatchValidator;
import io.newswatch.core.Alert;
import io.newswatch.core.AlertStatus;
import io.newswatch.core.Article;
import io.newswatch.core.EnrichedArticle;
import io.newswatch.core.EventTimeSource;
import io.newswatch.core.TagMatch;
import io.newswatch.core.Topics;
import io.newswatch.core.Watch;
import io.newswatch.core.WatchInput;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A small backtest made by hand, whose metrics are worked out on paper in {@link BacktestScoreTest}: 20 days from
 * 2023-06-01, two watches, a few alerts, four labelled events.
 *
 * <pre>
 * quake (query earthquake*): 1 a day at 10:00 on days 0-14; 06-16: 12 at 14:00-15:00; 06-17: 3 at 08:xx, 12 at 09:xx;
 *        06-18: 2; 06-19: 9; 06-20: 1.   Spike days 06-16 (surge 14:00) and 06-17 (surge 08:00): one spike.
 * summit (tag summit): only 06-18: 10 at 20:xx.  Spike day 06-18 (median 0), surge 20:00.
 * quake alerts: A5 06-05 12:00-13:00 (not judged), A1 06-16 14:40-18:00 (+1 UPDATED), A2 06-17 09:00-12:00,
 *               A3 06-18 03:00-04:00 (day after the spike), A4 06-20 12:00-13:00 (off spike).
 * </pre>
 */
final class HandMadeBacktest {

    static final LocalDate FIRST_DAY = LocalDate.parse("2023-06-01");
    static final int DAYS = 20;
    /** The two watches as a watches file or the watches topic gives them. */
    static final WatchInput QUAKE_GIVEN = new WatchInput(WatchInput.SCHEMA_VERSION, "quake", "Earthquakes", "earthquake*", null, null,
            null, null, null, null, null, null, null, null, null, null);
    static final WatchInput SUMMIT_GIVEN = new WatchInput(WatchInput.SCHEMA_VERSION, "summit", "Summits", null, "summit", null, null,
            null, null, null, null, null, null, null, null, null);
    private static final WatchValidator VALIDATOR = new WatchValidator(AlertsSettings.defaults().watchDefaults(), new Topics(""));
    static final Watch QUAKE = VALIDATOR.validate(QUAKE_GIVEN);
    static final Watch SUMMIT = VALIDATOR.validate(SUMMIT_GIVEN);

    /** One matched article: when, and which watch. */
    record Match(Instant time, String watch) {
    }

    private HandMadeBacktest() {
    }

    static List<Match> matches() {
        List<Match> out = new ArrayList<>();
        for (int d = 0; d < 15; d++) {
            out.add(new Match(at(d, 10, 0), "quake"));
        }
        for (int i = 0; i < 12; i++) {
            out.add(new Match(at(15, 14, i * 4), "quake"));
        }
        for (int i = 0; i < 3; i++) {
            out.add(new Match(at(16, 8, 10 + i), "quake"));
        }
        for (int i = 0; i < 12; i++) {
            out.add(new Match(at(16, 9, i * 4), "quake"));
        }
        for (int i = 0; i < 2; i++) {
            out.add(new Match(at(17, 10, i), "quake"));
        }
        for (int i = 0; i < 9; i++) {
            out.add(new Match(at(18, 10, i), "quake"));
        }
        out.add(new Match(at(19, 10, 0), "quake"));
        for (int i = 0; i < 10; i++) {
            out.add(new Match(at(17, 20, i * 5), "summit"));
        }
        return out;
    }

    /** The hourly counts of {@link #matches()}. */
    static BacktestData data(List<Alert> alerts) {
        MatchTally tally = new MatchTally();
        for (Match m : matches()) {
            tally.add(m.time(), List.of(m.watch()));
        }
        return tally.build("hand.", List.of(QUAKE, SUMMIT), alerts, null, null, List.of());
    }

    static List<Alert> alerts() {
        List<Alert> out = new ArrayList<>();
        out.addAll(alert("quake", at(4, 12, 0), at(4, 13, 0), 0));    // A5
        out.addAll(alert("quake", at(15, 14, 40), at(15, 18, 0), 1)); // A1
        out.addAll(alert("quake", at(16, 9, 0), at(16, 12, 0), 0));   // A2
        out.addAll(alert("quake", at(17, 3, 0), at(17, 4, 0), 0));    // A3
        out.addAll(alert("quake", at(19, 12, 0), at(19, 13, 0), 0));  // A4
        return out;
    }

    /** A baseline backtest's alerts: one long alert over the spike, one on 06-12. */
    static List<Alert> baselineAlerts() {
        List<Alert> out = new ArrayList<>();
        out.addAll(alert("quake", at(11, 12, 0), at(11, 13, 0), 0));
        out.addAll(alert("quake", at(15, 15, 30), at(16, 11, 0), 2));
        return out;
    }

    static List<LabelledEvent> events() {
        return List.of(
                new LabelledEvent("Quake hits", at(15, 13, 0), at(16, 23, 0), List.of("quake", "summit")),
                new LabelledEvent("Quiet event", at(7, 0, 0), at(7, 6, 0), List.of("quake")),
                new LabelledEvent("After the backtest", Instant.parse("2023-07-10T00:00:00Z"), Instant.parse("2023-07-11T00:00:00Z"),
                        List.of("quake")),
                new LabelledEvent("Unknown watch", at(9, 0, 0), at(10, 0, 0), List.of("nosuch")));
    }

    /** OPENED, then {@code updates} UPDATED, then RESOLVED. */
    static List<Alert> alert(String watch, Instant opened, Instant resolved, int updates) {
        String id = watch + "@" + opened;
        List<Alert> out = new ArrayList<>();
        out.add(event(id, watch, AlertStatus.OPENED, opened, 7.0));
        for (int i = 0; i < updates; i++) {
            out.add(event(id, watch, AlertStatus.UPDATED, opened.plusSeconds(600L * (i + 1)), 12.0 + i));
        }
        out.add(event(id, watch, AlertStatus.RESOLVED, resolved, 0.5));
        return out;
    }

    private static Alert event(String id, String watch, AlertStatus status, Instant t, double score) {
        return new Alert(Alert.SCHEMA_VERSION, id, watch, null, status, t, t.plusSeconds(600), 8, 8, 0.5, score, 3, 3, List.of(),
                "Spike: " + watch + " at " + t, t);
    }

    /** Hour {@code hour}, minute {@code minute} of day {@code day} (0 = 2023-06-01), UTC. */
    static Instant at(int day, int hour, int minute) {
        return FIRST_DAY.plusDays(day).atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(hour * 3600L + minute * 60L);
    }

    /** The matches as enriched articles, for the broker test: quake ones say "earthquake", summit ones carry the tag. */
    static List<EnrichedArticle> enriched() {
        List<EnrichedArticle> out = new ArrayList<>();
        int n = 0;
        for (Match m : matches()) {
            boolean quake = m.watch().equals("quake");
            String title = quake ? "Earthquake shakes the coast, report " + n : "Leaders meet in Geneva, report " + n;
            List<TagMatch> tags = quake ? List.of() : List.of(new TagMatch("summit", "Summit", List.of("leaders meet")));
            out.add(enriched("m" + n++, title, m.time(), tags));
        }
        // Background: one unrelated article every day at noon.
        for (int d = 0; d < DAYS; d++) {
            out.add(enriched("bg" + d, "Central bank keeps rates unchanged, day " + d, at(d, 12, 0), List.of()));
        }
        return out;
    }

    private static EnrichedArticle enriched(String id, String title, Instant t, List<TagMatch> tags) {
        String link = "https://outlet.example/" + id;
        Article a = new Article(Article.SCHEMA_VERSION, id, "https://outlet.example/feed.xml", "Outlet", "outlet.example", title, "", link,
                link, null, List.of(), List.of(), "en", t, t, t, EventTimeSource.PUBLISHED);
        return new EnrichedArticle(EnrichedArticle.SCHEMA_VERSION, a, tags, List.of(), "s-" + id, "test", t);
    }
}
