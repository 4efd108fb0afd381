package io.newswatch.bench.tagging;

import io.newswatch.enrich.taxonomy.Taxonomy;
import io.newswatch.enrich.taxonomy.TaxonomyLoader;
import io.newswatch.rules.RuleEngine;
import io.newswatch.rules.RuleHit;
import io.newswatch.rules.RuleMatcher;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * Tagging throughput, one article per operation (so ops/s = articles/s), one thread: the taxonomy's
 * rules compiled by {@link RuleMatcher} with each engine (positional = the default), and the naive one-regex-per-rule loop, over
 * the same articles in the same run. Taxonomies: the shipped one and a generated 5,000-rule one.
 *
 * <p>Run from the project root: {@code bin/bench TaggingBenchmark -f 1 -wi 2 -i 3 -w 2s -r 3s}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class TaggingBenchmark {

    @Param({"default", "generated-5000"})
    public String taxonomy;

    private List<String> texts;
    private Taxonomy rules;
    private RuleMatcher positional;
    private RuleMatcher memoryIndex;
    private RuleMatcher monitor;
    private NaiveRegexTagger regex;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        texts = BenchmarkCorpus.texts();
        rules = taxonomy.equals("default")
                ? TaxonomyLoader.load(BenchmarkCorpus.DEFAULT_TAXONOMY)
                : GeneratedTaxonomy.generate(5000, texts, 42);
        positional = RuleEngine.POSITIONAL.compile(rules.rules());
        memoryIndex = RuleEngine.MEMORY_INDEX.compile(rules.rules());
        monitor = RuleEngine.MONITOR.compile(rules.rules());
        regex = new NaiveRegexTagger(rules);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        positional.close();
        memoryIndex.close();
        monitor.close();
    }

    private String nextText() {
        String text = texts.get(next);
        next = next + 1 == texts.size() ? 0 : next + 1;
        return text;
    }

    @Benchmark
    public List<RuleHit> positionalEngine() {
        return positional.match(nextText());
    }

    @Benchmark
    public List<RuleHit> memoryIndexEngine() {
        return memoryIndex.match(nextText());
    }

    @Benchmark
    public List<RuleHit> monitorEngine() {
        return monitor.match(nextText());
    }

    @Benchmark
    public List<String> naiveRegexPerRule() {
        return regex.tag(nextText());
    }
}
