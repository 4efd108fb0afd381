package io.newswatch.rules;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The default engine: analyses each text once with Lucene's analysis chain into word positions,
 * picks candidate rules by their {@link Trigger} words (a hash lookup per distinct word), and
 * evaluates the candidates' {@link Expr} trees directly on the positions. It gives the same hits and
 * evidence as running the equivalent Lucene queries on a MemoryIndex ({@code MemoryIndexRuleMatcher} in the test
 * jar, the reference that tests compare it with), at a fraction of the cost: building Lucene weights and
 * span iterators for every candidate query dominated the time on short news texts (see
 * docs/benchmarks/tagging.md).
 *
 * <p>Not thread-safe: one instance per thread.
 */
final class PositionalRuleMatcher implements RuleMatcher {

    private final List<CompiledRule> rules;
    private final Map<String, int[]> rulesByTerm = new HashMap<>();
    private final PrefixTable rulesByPrefix;
    private final boolean anyPrefix;
    private final int minPrefix;
    private final int maxPrefix;
    private final int[] alwaysRun;
    private final TextPositions text = new TextPositions(RuleAnalyzer.forIndex());

    public PositionalRuleMatcher(List<CompiledRule> rules) {
        this.rules = List.copyOf(rules);
        Map<String, List<Integer>> byTerm = new HashMap<>();
        Map<String, List<Integer>> byPrefix = new HashMap<>();
        List<Integer> always = new ArrayList<>();
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (int i = 0; i < this.rules.size(); i++) {
            Trigger trigger = this.rules.get(i).trigger();
            if (trigger.always()) {
                always.add(i);
                continue;
            }
            for (String term : trigger.terms()) {
                byTerm.computeIfAbsent(term, k -> new ArrayList<>()).add(i);
            }
            for (String prefix : trigger.prefixes()) {
                byPrefix.computeIfAbsent(prefix, k -> new ArrayList<>()).add(i);
                min = Math.min(min, prefix.length());
                max = Math.max(max, prefix.length());
            }
        }
        byTerm.forEach((k, v) -> rulesByTerm.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
        Map<String, int[]> prefixes = new HashMap<>();
        byPrefix.forEach((k, v) -> prefixes.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
        this.rulesByPrefix = new PrefixTable(prefixes);
        this.anyPrefix = !prefixes.isEmpty();
        this.minPrefix = min;
        this.maxPrefix = max;
        this.alwaysRun = always.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public List<RuleHit> match(String input) {
        String body = input == null ? "" : input;
        text.analyse(body);
        BitSet candidates = candidates();
        List<RuleHit> hits = new ArrayList<>();
        PositionalEvaluator evaluator = new PositionalEvaluator(text);
        for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
            List<int[]> evidence = new ArrayList<>();
            if (evaluator.matches(rules.get(i).expr(), evidence)) {
                hits.add(new RuleHit(rules.get(i).id(), Evidence.fromRanges(evidence, body)));
            }
        }
        return hits;
    }

    private BitSet candidates() {
        BitSet candidates = new BitSet(rules.size());
        for (int i : alwaysRun) {
            candidates.set(i);
        }
        for (String term : text.terms()) {
            mark(rulesByTerm.get(term), candidates);
            if (anyPrefix) {
                // Every prefix of the term within the trigger prefixes' lengths, hashed as String.hashCode would.
                int longest = Math.min(term.length(), maxPrefix);
                int hash = 0;
                for (int len = 1; len <= longest; len++) {
                    hash = 31 * hash + term.charAt(len - 1);
                    if (len >= minPrefix) {
                        mark(rulesByPrefix.get(term, len, hash), candidates);
                    }
                }
            }
        }
        return candidates;
    }

    private static void mark(int[] ruleIndexes, BitSet candidates) {
        if (ruleIndexes != null) {
            for (int i : ruleIndexes) {
                candidates.set(i);
            }
        }
    }
}
