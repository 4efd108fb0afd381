package io.newswatch.bench.ingest;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import io.newswatch.core.Settings;
import io.newswatch.ingest.IngestSettings;
import io.newswatch.ingest.extract.ArticleExtractor;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * A cross-check of {@link FeedParseBenchmark} for shared machines: the same variants, interleaved
 * round by round in one JVM, reporting the median time per feed of each. Load from other processes then
 * hits every variant alike, so the ratios stay meaningful even when the absolute figures do not (JMH runs
 * the variants one after another, minutes apart).
 *
 * <p>Run: {@code bin/bench --main io.newswatch.bench.ingest.FeedParseRatio [rounds]} (default 40 rounds).
 */
public final class FeedParseRatio {

    private FeedParseRatio() {
    }

    @FunctionalInterface
    private interface Variant {
        int run(byte[] feed) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        if (LoggerFactory.getLogger("com.optimaize") instanceof Logger detector) {
            detector.setLevel(Level.WARN);
        }
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        BenchFeed.Loaded loaded = BenchFeed.load();
        byte[] feed = loaded.bytes();
        ArticleExtractor withLanguage = ArticleExtractor.direct(IngestSettings.from(Settings.of(Map.of("ingest.detect-language", "true"))));
        ArticleExtractor withoutLanguage = ArticleExtractor.direct(IngestSettings.from(Settings.of(Map.of("ingest.detect-language",
                "false"))));
        StaxPass jdkStax = StaxPass.jdk();
        StaxPass aaltoStax = StaxPass.aalto();
        Map<String, Variant> variants = new LinkedHashMap<>();
        variants.put("ingestPath (language detection on)", f -> withLanguage.extract(f, null, "https://b/", "https://b/", null,
                Instant.now())
                .articles().size());
        variants.put("ingestPath (language detection off)", f -> withoutLanguage.extract(f, null, "https://b/", "https://b/", null,
                Instant.now()).articles().size());
        variants.put("romeOnly", f -> new SyndFeedInput()
                .build(new XmlReader(new ByteArrayInputStream(f))).getEntries().size());
        variants.put("staxPass", jdkStax::run);
        variants.put("staxPass (Aalto)", aaltoStax::run);
        Map<String, long[]> nanos = new LinkedHashMap<>();
        variants.keySet().forEach(k -> nanos.put(k, new long[rounds]));
        int articles = 0;
        for (int warm = 0; warm < 10; warm++) {
            for (Variant v : variants.values()) {
                articles = Math.max(articles, v.run(feed));
            }
        }
        for (int r = 0; r < rounds; r++) {
            for (Map.Entry<String, Variant> v : variants.entrySet()) {
                long t0 = System.nanoTime();
                int reps = 0;
                while (System.nanoTime() - t0 < 200_000_000L) { // ~0.2 s per variant per round
                    v.getValue().run(feed);
                    reps++;
                }
                nanos.get(v.getKey())[r] = (System.nanoTime() - t0) / reps;
            }
        }
        System.out.printf("feed: %s, %d bytes, %d articles; %d interleaved rounds; median per feed:%n", loaded.origin(), feed.length,
                articles, rounds);
        double staxNanos = median(nanos.get("staxPass"));
        for (Map.Entry<String, long[]> e : nanos.entrySet()) {
            double ms = median(e.getValue()) / 1e6;
            System.out.printf("  %-38s %8.2f ms  %8.1f feeds/s  %9.0f articles/s  %7.1f MB/s  %5.1fx StAX (JDK)%n", e.getKey(), ms,
                    1000 / ms,
                    articles * 1000 / ms, feed.length / 1e6 * 1000 / ms, median(e.getValue()) / staxNanos);
        }
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
