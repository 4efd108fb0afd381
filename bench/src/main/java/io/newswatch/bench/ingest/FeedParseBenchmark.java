package io.newswatch.bench.ingest;

import static ch.qos.logback.classic.Level.WARN;

import ch.qos.logback.classic.Logger;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import io.newswatch.core.Article;
import io.newswatch.core.Settings;
import io.newswatch.ingest.IngestSettings;
import io.newswatch.ingest.extract.ArticleExtractor;
import io.newswatch.ingest.parse.FeedParseException;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.xml.stream.XMLStreamException;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.slf4j.LoggerFactory;

/**
 * Parse throughput of the full fetch-free ingest path (bytes to normalized {@link Article}s: charset
 * detection, lexical repair, date rewriting, Rome, jsoup plain text, canonical links, ids, language,
 * event time) beside a plain StAX pass over the same bytes (every event, every text node read), in the
 * same run. The ratio of the two is the cost of everything ingest does beyond tokenizing XML.
 *
 * <p>Run: {@code bin/bench FeedParseBenchmark -f 1 -wi 2 -i 3}. The {@code articles} and {@code bytes}
 * secondary results are per-second rates (articles/s, bytes/s).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
@State(Scope.Benchmark)
public class FeedParseBenchmark {

    private byte[] feed;
    private StaxPass jdkStax;
    private StaxPass aaltoStax;
    private int articlesPerFeed;

    /** Per-second rates JMH reports next to ops/s. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Rates {
        public long articles;
        public long bytes;

        /** Counts one feed of {@code feedBytes} that gave {@code items} articles; returns {@code items}. */
        int feed(int items, int feedBytes) {
            articles += items;
            bytes += feedBytes;
            return items;
        }

        @Setup(Level.Iteration)
        public void reset() {
            articles = 0;
            bytes = 0;
        }
    }

    /** The ingest path's extractor, with the service's defaults except for the language switch. */
    @State(Scope.Benchmark)
    public static class Ingest {
        /**
         * Language detection on or off. The benchmark feed declares {@code mul} (no single language), so
         * with detection on every article is detected, the worst case; feeds declaring a language skip it.
         */
        @Param({"true", "false"})
        public boolean detectLanguage;

        ArticleExtractor extractor;

        @Setup
        public void create() {
            extractor = ArticleExtractor.direct(IngestSettings.from(Settings.of(Map.of("ingest.detect-language",
                    String.valueOf(detectLanguage)))));
        }

        List<Article> extract(byte[] feed) throws FeedParseException {
            return extractor.extract(feed, null, "https://bench.example/feed.xml", "https://bench.example/feed.xml", null, Instant.now())
                    .articles();
        }
    }

    @Setup
    public void load() throws FeedParseException {
        // The benchmark jar has no logging configuration, so logback would print the language detector's
        // DEBUG line for every article and the benchmark would measure the console. The app runs it at WARN.
        if (LoggerFactory.getLogger("com.optimaize") instanceof Logger detector) {
            detector.setLevel(WARN);
        }
        BenchFeed.Loaded loaded = BenchFeed.load();
        feed = loaded.bytes();
        jdkStax = StaxPass.jdk();
        aaltoStax = StaxPass.aalto();
        Ingest probe = new Ingest();
        probe.create();
        articlesPerFeed = probe.extract(feed).size();
        System.err.printf("bench: feed %s, %d bytes, %d articles%n", loaded.origin(), feed.length, articlesPerFeed);
    }

    @Benchmark
    public List<Article> ingestPath(Ingest ingest, Rates rates) throws FeedParseException {
        List<Article> articles = ingest.extract(feed);
        rates.feed(articles.size(), feed.length);
        return articles;
    }

    /** Rome alone on the same bytes (its own charset detection, no repair, no normalization): the floor under {@link #ingestPath}. */
    @Benchmark
    public int romeOnly(Rates rates) throws Exception {
        SyndFeedInput input = new SyndFeedInput();
        return rates.feed(input.build(new XmlReader(new ByteArrayInputStream(feed))).getEntries().size(), feed.length);
    }

    /** The baseline: the JDK's own StAX parser, one pass over every event (see {@link StaxPass}). */
    @Benchmark
    public int staxPass(Rates rates) throws XMLStreamException {
        return rates.feed(jdkStax.run(feed), feed.length);
    }

    /** The same pass with Aalto, the parser the ingest path builds its documents with. */
    @Benchmark
    public int staxPassAalto(Rates rates) throws XMLStreamException {
        return rates.feed(aaltoStax.run(feed), feed.length);
    }
}
