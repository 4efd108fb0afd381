package io.newswatch.rules;

/**
 * How compiled rules are run over texts. All give the same hits and evidence (tests run them side by
 * side); they differ in speed (see docs/benchmarks/tagging.md), which is why
 * {@link RuleMatcher#compile(java.util.Collection)} picks {@link #POSITIONAL}.
 */
public enum RuleEngine {
    /**
     * Lucene analysis into word positions, candidate rules by a hash lookup per word, rules evaluated
     * directly on the positions with Lucene's span semantics. The default: the fastest.
     */
    POSITIONAL,
    /** One reusable Lucene MemoryIndex per matcher, candidate rules picked by a hash lookup per word. */
    MEMORY_INDEX,
    /** lucene-monitor: rules in a query index, candidates picked by its term-filtered presearcher. */
    MONITOR
}
