package io.newswatch.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

/**
 * Matches one text at a time: indexes it into a reusable {@link MemoryIndex}, picks the candidate
 * rules whose {@link Trigger} words occur in it (a hash lookup per distinct word), and runs only
 * those queries. This is what lucene-monitor does too, without its query index, caches and
 * per-document bookkeeping, which on short news texts cost more than the matching itself (see
 * docs/benchmarks/tagging.md).
 *
 * <p>Not thread-safe: one instance per thread, as {@link RuleMatcher} says.
 */
final class MemoryIndexRuleMatcher implements RuleMatcher {

    private final List<CompiledRule> rules;
    /** Per rule: the query, already rewritten when rewriting does not depend on the text. */
    private final Query[] prepared;
    private final boolean[] textDependentRewrite;
    private final Map<BytesRef, int[]> rulesByTerm = new HashMap<>();
    private final Map<BytesRef, int[]> rulesByPrefix = new HashMap<>();
    private final int minPrefixBytes;
    private final int maxPrefixBytes;
    private final int[] alwaysRun;
    private final RuleAnalyzer analyzer = RuleAnalyzer.forIndex();
    private final MemoryIndex index = new MemoryIndex(true, false);

    public MemoryIndexRuleMatcher(List<CompiledRule> rules) {
        this.rules = List.copyOf(rules);
        int n = rules.size();
        this.prepared = new Query[n];
        this.textDependentRewrite = new boolean[n];
        Map<BytesRef, List<Integer>> byTerm = new HashMap<>();
        Map<BytesRef, List<Integer>> byPrefix = new HashMap<>();
        List<Integer> always = new ArrayList<>();
        IndexSearcher empty = new MemoryIndex().createSearcher();
        int minPrefix = Integer.MAX_VALUE;
        int maxPrefix = 0;
        for (int i = 0; i < n; i++) {
            CompiledRule rule = rules.get(i);
            textDependentRewrite[i] = containsMultiTermQuery(rule.query());
            prepared[i] = textDependentRewrite[i] ? rule.query() : rewrite(empty, rule.query());
            Trigger trigger = rule.trigger();
            if (trigger.always()) {
                always.add(i);
                continue;
            }
            for (String term : trigger.terms()) {
                byTerm.computeIfAbsent(new BytesRef(term), k -> new ArrayList<>()).add(i);
            }
            for (String prefix : trigger.prefixes()) {
                BytesRef key = new BytesRef(prefix);
                byPrefix.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
                minPrefix = Math.min(minPrefix, key.length);
                maxPrefix = Math.max(maxPrefix, key.length);
            }
        }
        byTerm.forEach((k, v) -> rulesByTerm.put(k, toArray(v)));
        byPrefix.forEach((k, v) -> rulesByPrefix.put(k, toArray(v)));
        this.minPrefixBytes = minPrefix;
        this.maxPrefixBytes = maxPrefix;
        this.alwaysRun = toArray(always);
    }

    @Override
    public List<RuleHit> match(String text) {
        String body = text == null ? "" : text;
        try {
            index.reset();
            index.addField(RuleAnalyzer.FIELD, body, analyzer);
            IndexSearcher searcher = index.createSearcher();
            searcher.setQueryCache(null);
            LeafReaderContext leaf = searcher.getIndexReader().leaves().get(0);
            BitSet candidates = candidates(leaf);
            List<RuleHit> hits = new ArrayList<>();
            for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
                Query query = textDependentRewrite[i] ? searcher.rewrite(prepared[i]) : prepared[i];
                Weight weight = searcher.createWeight(query, ScoreMode.COMPLETE_NO_SCORES, 1f);
                Matches matches = weight.matches(leaf, 0);
                if (matches != null) {
                    hits.add(new RuleHit(rules.get(i).id(), Evidence.fromMatches(matches, body)));
                }
            }
            return hits;
        } catch (IOException e) {
            // MemoryIndex never does I/O; an IOException here is a bug, not bad input.
            throw new UncheckedIOException(e);
        }
    }

    private BitSet candidates(LeafReaderContext leaf) throws IOException {
        BitSet candidates = new BitSet(rules.size());
        for (int i : alwaysRun) {
            candidates.set(i);
        }
        Terms terms = leaf.reader().terms(RuleAnalyzer.FIELD);
        if (terms == null) {
            return candidates;
        }
        TermsEnum it = terms.iterator();
        BytesRef probe = new BytesRef();
        for (BytesRef term = it.next(); term != null; term = it.next()) {
            mark(rulesByTerm.get(term), candidates);
            if (!rulesByPrefix.isEmpty()) {
                probe.bytes = term.bytes;
                probe.offset = term.offset;
                int longest = Math.min(term.length, maxPrefixBytes);
                for (int len = minPrefixBytes; len <= longest; len++) {
                    probe.length = len;
                    mark(rulesByPrefix.get(probe), candidates);
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

    private static boolean containsMultiTermQuery(Query query) {
        boolean[] found = {false};
        query.visit(new QueryVisitor() {
            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return this;
            }

            @Override
            public void visitLeaf(Query leaf) {
                if (leaf instanceof MultiTermQuery) {
                    found[0] = true;
                }
            }

            @Override
            public void consumeTermsMatching(Query q, String field, Supplier<ByteRunAutomaton> automaton) {
                found[0] = true;
            }
        });
        return found[0];
    }

    private static Query rewrite(IndexSearcher searcher, Query query) {
        try {
            return searcher.rewrite(query);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int[] toArray(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }
}
