package io.newswatch.bench.alerts;

import io.newswatch.core.Article;
import io.newswatch.core.EnrichedArticle;
import io.newswatch.core.EntityMatch;
import io.newswatch.core.EntityType;
import io.newswatch.core.EventTimeSource;
import io.newswatch.core.WatchInput;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The watch and articles of one latency trial: a fresh watch per trial, so it has no history and opens
 * against the floor, and articles that match only that watch, each with its own id, link and title.
 *
 * <p>From the enriched topic the watch is an entity ({@code weapon:bench-k}) that the articles carry
 * ready-made. From the raw topic the articles are matched by what the real enrich stage and the alerts
 * stage make of them, so the watch is a query on a nonsense word unique to the trial ({@code zqx007*}),
 * which no taxonomy rule or gazetteer entry touches; the word has a fixed width so that no trial's word
 * is a prefix of another's. Titles differ in several words, so enrich's duplicate filter (exact repeats
 * by id, link or GUID) keeps every article; a shared story id between near-duplicates would not matter.
 */
final class TrialArticles {

    /** Distinct sources the articles rotate over: enough for the default minimum of 3 per bucket. */
    static final int SOURCES = 4;

    private static final String[] PLACES = {"harbour", "airfield", "border", "capital", "coast", "valley", "port", "plain"};
    private static final String[] VERBS = {"sighted near", "reported at", "moved to", "seen over", "tested off", "parked by",
        "unloaded at", "photographed at"};

    private final EntryTopic from;

    TrialArticles(EntryTopic from) {
        this.from = from;
    }

    EntryTopic from() {
        return from;
    }

    static String watchId(int trial) {
        return "bench-" + trial;
    }

    /** The fresh watch of trial {@code trial}, all thresholds at their defaults. */
    WatchInput watch(int trial) {
        String query = from == EntryTopic.RAW ? word(trial) + "*" : null;
        String entity = from == EntryTopic.RAW ? null : "weapon:bench-" + trial;
        return new WatchInput(WatchInput.SCHEMA_VERSION, watchId(trial), null, query, null, entity,
                null, null, null, null, null, null, null, null, null, null);
    }

    /** Article {@code i} of trial {@code trial}, as ingest would publish it; event time {@code now + i ms}. */
    Article article(int trial, int i, Instant now) {
        String id = "t" + trial + "-a" + i;
        String domain = "outlet" + (i % SOURCES) + ".example";
        String link = "https://" + domain + "/news/" + id;
        String title = String.format(Locale.ROOT, "%s %s the %s, dispatch %d from %s", capitalised(word(trial)),
                VERBS[i % VERBS.length], PLACES[(i * 3 + trial) % PLACES.length], i, domain);
        Instant t = now.plusMillis(i);
        return new Article(Article.SCHEMA_VERSION, id, "https://" + domain + "/rss", domain, domain, title, "",
                link, link, null, List.of(), List.of(), "en", t, t, t, EventTimeSource.PUBLISHED);
    }

    /** The same article as the enrich stage would have passed it on, carrying the trial's entity. */
    EnrichedArticle enriched(int trial, int i, Instant now) {
        Article a = article(trial, i, now);
        return new EnrichedArticle(EnrichedArticle.SCHEMA_VERSION, a, List.of(),
                List.of(new EntityMatch(EntityType.WEAPON, "weapon:bench-" + trial, "Bench " + trial, List.of())),
                "s-" + a.id(), "bench", a.eventTime());
    }

    private static String word(int trial) {
        return String.format(Locale.ROOT, "zqx%04d", trial);
    }

    private static String capitalised(String w) {
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }
}
