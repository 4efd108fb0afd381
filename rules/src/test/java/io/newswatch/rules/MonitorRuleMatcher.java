package io.newswatch.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.monitor.HighlightsMatch;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.TermFilteredPresearcher;

/**
 * Matches texts with lucene-monitor: the rules are stored in the monitor's query index, and each
 * text is run through its term-filtered presearcher, then through the candidate queries, with
 * highlights giving the evidence. Kept beside {@link MemoryIndexRuleMatcher} as the reference
 * implementation and for the side-by-side benchmark.
 */
final class MonitorRuleMatcher implements RuleMatcher {

    private final Monitor monitor;
    private final Map<String, Integer> order = new HashMap<>();

    public MonitorRuleMatcher(List<CompiledRule> rules) {
        try {
            monitor = new Monitor(RuleAnalyzer.forIndex(), new TermFilteredPresearcher());
            List<MonitorQuery> queries = new ArrayList<>(rules.size());
            for (CompiledRule rule : rules) {
                order.put(rule.id(), order.size());
                queries.add(new MonitorQuery(rule.id(), rule.query()));
            }
            monitor.register(queries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<RuleHit> match(String text) {
        String body = text == null ? "" : text;
        Document doc = new Document();
        doc.add(new TextField(RuleAnalyzer.FIELD, body, Field.Store.NO));
        try {
            MatchingQueries<HighlightsMatch> result = monitor.match(doc, HighlightsMatch.MATCHER);
            List<HighlightsMatch> matches = new ArrayList<>(result.getMatches());
            matches.sort((a, b) -> Integer.compare(order.get(a.getQueryId()), order.get(b.getQueryId())));
            List<RuleHit> hits = new ArrayList<>(matches.size());
            for (HighlightsMatch match : matches) {
                hits.add(new RuleHit(match.getQueryId(), evidence(match.getHits(RuleAnalyzer.FIELD), body)));
            }
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> evidence(Collection<HighlightsMatch.Hit> hits, String text) {
        List<int[]> ranges = new ArrayList<>(hits.size());
        for (HighlightsMatch.Hit hit : hits) {
            if (hit.startOffset() >= 0) {
                ranges.add(new int[] {hit.startOffset(), hit.endOffset()});
            }
        }
        return Evidence.fromRanges(ranges, text);
    }

    @Override
    public void close() {
        try {
            monitor.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
