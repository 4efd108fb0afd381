package io.newswatch.rules;

import java.util.Collection;

/**
 * The production engine and the two Lucene-based ones it is checked and measured against. All give the same hits and
 * evidence (the tests run them side by side); they differ in speed (docs/benchmarks/tagging.md), which is why
 * {@link RuleMatcher#compile(Collection)} runs {@link #POSITIONAL}, the only one production ships. The other two live in
 * this module's test jar: the tests of rules and enrich use them as references, the bench module as baselines.
 */
public enum RuleEngine {
    /**
     * Lucene analysis into word positions, candidate rules by a hash lookup per word, rules evaluated
     * directly on the positions with Lucene's span semantics. Production's: the fastest.
     */
    POSITIONAL,
    /** One reusable Lucene MemoryIndex per matcher, candidate rules picked by a hash lookup per word: the reference. */
    MEMORY_INDEX,
    /** lucene-monitor: rules in a query index, candidates picked by its term-filtered presearcher. */
    MONITOR;

    /** Compiles {@code rules} for this engine, with the checks and errors of {@link RuleMatcher#compile(Collection)}. */
    public RuleMatcher compile(Collection<Rule> rules) {
        return switch (this) {
            case POSITIONAL -> RuleMatcher.compile(rules);
            case MEMORY_INDEX -> new MemoryIndexRuleMatcher(CompiledRule.compileAll(rules));
            case MONITOR -> new MonitorRuleMatcher(CompiledRule.compileAll(rules));
        };
    }
}
