package io.newswatch.rules;

/**
 * How compiled rules are run over texts. Both give the same hits; they differ in speed (see
 * docs/benchmarks/tagging.md), which is why {@link RuleMatcher#compile(java.util.Collection)} picks
 * {@link #MEMORY_INDEX}.
 */
public enum RuleEngine {
    /** One reusable Lucene MemoryIndex per matcher, candidate rules picked by a hash lookup per word. */
    MEMORY_INDEX,
    /** lucene-monitor: rules in a query index, candidates picked by its term-filtered presearcher. */
    MONITOR
}
