package io.newswatch.bench.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newswatch.alerts.detect.Hit;
import io.newswatch.alerts.watch.WatchMatcher;
import io.newswatch.alerts.watch.WatchSetMatcher;
import io.newswatch.app.importer.SimpleArticles;
import io.newswatch.core.Article;
import io.newswatch.core.EnrichedArticle;
import io.newswatch.core.Json;
import io.newswatch.core.Watch;
import io.newswatch.enrich.ArticleEnricher;
import io.newswatch.enrich.EnrichSettings;
import io.newswatch.enrich.story.StoryFingerprint;
import io.newswatch.enrich.story.StoryIds;
import io.newswatch.enrich.story.StoryIndex;
import io.newswatch.ingest.IngestSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A real multi-outlet stream (newsapi-2023, simple form) turned into what the detector sees: every article in event-time
 * order with its source, story id and the watches it matches, enriched and matched in memory as the pipeline would
 * (import normalization, taxonomy and gazetteer, story ids, watch matching). Used by the detector's evaluation.
 */
final class DevStream {

    /** The dev stream: newsapi-2023's real headlines, read where ../shared/README.md allows (never copied here). */
    static final Path DATA = Path.of("..", "shared", "data", "newsapi-2023.jsonl.gz");

    /** One article as the detector sees it; {@code watchIds} empty for the volume-only articles. */
    record Item(Hit hit, List<String> watchIds) {
    }

    private DevStream() {
    }

    /**
     * As {@link #enrich}, through a cache file in the temporary directory keyed by the watches (enriching takes a minute;
     * a detector experiment a second). Delete /tmp/newswatch-devstream-* after changing the taxonomy or gazetteer.
     */
    static List<Item> load(Path data, List<Watch> watches) throws IOException {
        Path cache = Path.of(System.getProperty("java.io.tmpdir"), "newswatch-devstream-"
                + Integer.toHexString((watches.toString() + Files.size(data)).hashCode()) + ".tsv.gz");
        if (Files.exists(cache)) {
            return readCache(cache);
        }
        List<Item> items = enrich(data, watches);
        try (var out = new PrintWriter(new OutputStreamWriter(new GZIPOutputStream(
                Files.newOutputStream(cache)), StandardCharsets.UTF_8))) {
            for (Item i : items) {
                Hit h = i.hit();
                out.println(h.eventTime().toEpochMilli() + "\t" + h.articleId() + "\t" + clean(h.source()) + "\t" + clean(h.sourceName())
                        + "\t" + h.storyId() + "\t" + clean(h.title()) + "\t" + clean(h.link()) + "\t" + String.join(",", i.watchIds()));
            }
        }
        return items;
    }

    private static String clean(String s) {
        return s == null ? "" : s.replace('\t', ' ').replace('\n', ' ');
    }

    private static List<Item> readCache(Path cache) throws IOException {
        List<Item> items = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(cache), 1 << 16),
                StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            while ((line = reader.readLine()) != null) {
                String[] f = line.split("\t", -1);
                List<String> ids = f[7].isEmpty() ? List.of() : List.of(f[7].split(","));
                items.add(new Item(new Hit(f[1], Instant.ofEpochMilli(Long.parseLong(f[0])), f[2], f[3], f[4], f[5], f[6]), ids));
            }
        }
        return items;
    }

    static List<Item> enrich(Path data, List<Watch> watches) throws IOException {
        ObjectMapper json = Json.mapper();
        SimpleArticles simple = new SimpleArticles(IngestSettings.defaults());
        List<Article> articles = new ArrayList<>();
        int bad = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(data), 1 << 16),
                StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            while ((line = reader.readLine()) != null) {
                JsonNode n = json.readTree(line);
                try {
                    articles.add(simple.toArticle(new SimpleArticles.Fields(text(n, "title"), text(n, "link"), text(n, "summary"),
                            text(n, "source"), text(n, "published"), text(n, "captured"), null), data.toUri().toString()));
                } catch (Exception e) { // BadRecordException: a bad line, as the import would report it
                    bad++;
                }
            }
        }
        articles.sort(Comparator.comparing(Article::eventTime).thenComparing(Article::id));
        System.err.printf("%,d articles read (%d bad), %s .. %s%n", articles.size(), bad, articles.getFirst().eventTime(),
                articles.getLast().eventTime());
        EnrichSettings enrichSettings = EnrichSettings.defaults();
        StoryIndex.InMemoryBuckets buckets = new StoryIndex.InMemoryBuckets();
        StoryIndex stories = new StoryIndex(enrichSettings.storyMaxDistance(), enrichSettings.storyHorizon(), buckets);
        long nextSweep = Long.MIN_VALUE;
        List<Item> items = new ArrayList<>(articles.size());
        try (ArticleEnricher enricher = ArticleEnricher.load(enrichSettings);
             WatchSetMatcher matcher = WatchSetMatcher.of(watches.stream().map(WatchMatcher::of).toList())) {
            Set<String> seen = new HashSet<>();
            for (Article a : articles) {
                if (!seen.add(a.id())) {
                    continue; // enrich's dedup
                }
                EnrichedArticle e = enricher.enrich(a);
                String storyId = StoryIds.forFirstArticle(a.id());
                OptionalLong fp = StoryFingerprint.of(a);
                if (fp.isPresent()) {
                    long t = a.eventTime().toEpochMilli();
                    storyId = stories.assign(fp.getAsLong(), t, storyId);
                    if (t >= nextSweep) {
                        buckets.removeIf(entry -> stories.isExpired(entry.eventTimeMs(), t));
                        nextSweep = t + 3_600_000L;
                    }
                }
                e = new EnrichedArticle(e.schemaVersion(), a, e.tags(), e.entities(), storyId, e.taxonomyVersion(), e.enrichedAt());
                List<String> matched = matcher.matches(e);
                String source = a.sourceDomain() != null ? a.sourceDomain() : a.sourceName();
                items.add(new Item(new Hit(a.id(), a.eventTime(), source, a.sourceName(), storyId, a.title(), a.link()), matched));
            }
        }
        return items;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    static Instant day(Instant t) {
        return t.truncatedTo(ChronoUnit.DAYS);
    }
}
