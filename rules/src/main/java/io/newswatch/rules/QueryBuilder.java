package io.newswatch.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.spans.SpanMultiTermQueryWrapper;
import org.apache.lucene.queries.spans.SpanNearQuery;
import org.apache.lucene.queries.spans.SpanOrQuery;
import org.apache.lucene.queries.spans.SpanQuery;
import org.apache.lucene.queries.spans.SpanTermQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Turns a parsed rule into a Lucene query over {@link RuleAnalyzer#FIELD}.
 *
 * <p>Words go through the same analysis as the text (base forms), prefixes are lower-cased and
 * folded but not stemmed. Everything positional (phrases, {@code ~n}, {@code NEAR/n}, {@code BEFORE/n}) becomes a span
 * query, so that proximity can nest (a phrase NEAR an OR of words) and the matched words can be
 * reported as evidence.
 */
final class QueryBuilder {

    private final String ruleId;
    private final Analyzer queryAnalyzer;
    private final Analyzer prefixAnalyzer;

    public QueryBuilder(String ruleId, Analyzer queryAnalyzer, Analyzer prefixAnalyzer) {
        this.ruleId = ruleId;
        this.queryAnalyzer = queryAnalyzer;
        this.prefixAnalyzer = prefixAnalyzer;
    }

    /** The Lucene query for a rule; throws {@link RuleSyntaxException} for rules Lucene cannot express. */
    public Query build(RuleNode node) {
        return switch (node) {
            case RuleNode.Word w -> word(w);
            case RuleNode.Prefix p -> prefixTokens(p).size() == 1
                    ? new PrefixQuery(new Term(RuleAnalyzer.FIELD, prefixTokens(p).get(0)))
                    : span(p);
            case RuleNode.Phrase p -> span(p);
            case RuleNode.Near n -> span(n);
            case RuleNode.Or or -> {
                BooleanQuery.Builder b = new BooleanQuery.Builder();
                for (RuleNode child : or.children()) {
                    b.add(build(child), Occur.SHOULD);
                }
                yield b.build();
            }
            case RuleNode.And and -> {
                BooleanQuery.Builder b = new BooleanQuery.Builder();
                boolean anyPositive = false;
                for (RuleNode child : and.children()) {
                    if (child instanceof RuleNode.Not not) {
                        b.add(build(not.child()), Occur.MUST_NOT);
                    } else {
                        b.add(build(child), Occur.MUST);
                        anyPositive = true;
                    }
                }
                if (!anyPositive) {
                    b.add(new MatchAllDocsQuery(), Occur.MUST);
                }
                yield b.build();
            }
            case RuleNode.Not not -> new BooleanQuery.Builder()
                    .add(new MatchAllDocsQuery(), Occur.MUST)
                    .add(build(not.child()), Occur.MUST_NOT)
                    .build();
        };
    }

    private Query word(RuleNode.Word w) {
        List<String> tokens = tokens(queryAnalyzer, w.text(), w.position());
        if (tokens.size() == 1) {
            return new TermQuery(new Term(RuleAnalyzer.FIELD, tokens.get(0)));
        }
        // "long-range" or "U.S.-Ukraine": one rule word that the text splits into several; keep them adjacent.
        return adjacent(tokens);
    }

    /** A span version of the node, for use inside phrases, NEAR and BEFORE. */
    SpanQuery span(RuleNode node) {
        return switch (node) {
            case RuleNode.Word w -> {
                List<String> tokens = tokens(queryAnalyzer, w.text(), w.position());
                yield tokens.size() == 1 ? spanTerm(tokens.get(0)) : adjacent(tokens);
            }
            case RuleNode.Prefix p -> {
                // "cyber-attack*": the words before the last are matched as written (the text index keeps
                // unstemmed forms too), the last one as a prefix, all adjacent.
                List<String> tokens = prefixTokens(p);
                List<SpanQuery> parts = new ArrayList<>();
                for (int i = 0; i < tokens.size() - 1; i++) {
                    parts.add(spanTerm(tokens.get(i)));
                }
                parts.add(new SpanMultiTermQueryWrapper<>(
                        new PrefixQuery(new Term(RuleAnalyzer.FIELD, tokens.get(tokens.size() - 1)))));
                yield parts.size() == 1 ? parts.get(0) : new SpanNearQuery(parts.toArray(SpanQuery[]::new), 0, true);
            }
            case RuleNode.Phrase p -> {
                List<SpanQuery> parts = new ArrayList<>();
                for (RuleNode word : p.words()) {
                    parts.add(span(word));
                }
                if (parts.size() == 1) {
                    yield parts.get(0);
                }
                // Exact phrases keep order; "a b"~n means "all within n words, any order", like NEAR/n.
                yield new SpanNearQuery(parts.toArray(SpanQuery[]::new), p.slop(), p.slop() == 0);
            }
            case RuleNode.Near n -> new SpanNearQuery(
                    new SpanQuery[] {span(n.left()), span(n.right())}, n.distance(), n.ordered());
            case RuleNode.Or or -> {
                List<SpanQuery> parts = new ArrayList<>();
                for (RuleNode child : or.children()) {
                    parts.add(span(child));
                }
                yield new SpanOrQuery(parts.toArray(SpanQuery[]::new));
            }
            case RuleNode.And and -> throw new RuleSyntaxException(ruleId, and.position(),
                    "AND cannot be used inside NEAR, BEFORE or a phrase; use OR or a nested NEAR", null);
            case RuleNode.Not not -> throw new RuleSyntaxException(ruleId, not.position(),
                    "NOT cannot be used inside NEAR, BEFORE or a phrase", null);
        };
    }

    /** The rule compiled for {@link PositionalRuleMatcher}; same meaning as {@link #build(RuleNode)}. */
    Expr expr(RuleNode node) {
        return switch (node) {
            case RuleNode.Word w -> {
                List<String> tokens = tokens(queryAnalyzer, w.text(), w.position());
                yield tokens.size() == 1 ? new Expr.Term(tokens.get(0))
                        : new Expr.Sequence(tokens.stream().<Expr>map(Expr.Term::new).toList());
            }
            case RuleNode.Prefix p -> {
                List<String> tokens = prefixTokens(p);
                if (tokens.size() == 1) {
                    yield new Expr.Prefix(tokens.get(0));
                }
                List<Expr> parts = new ArrayList<>();
                for (int i = 0; i < tokens.size() - 1; i++) {
                    parts.add(new Expr.Term(tokens.get(i)));
                }
                parts.add(new Expr.Prefix(tokens.get(tokens.size() - 1)));
                yield new Expr.Sequence(parts);
            }
            case RuleNode.Phrase p -> {
                span(p); // same checks as the Lucene form (no AND/NOT inside)
                List<Expr> parts = p.words().stream().map(this::expr).toList();
                yield parts.size() == 1 ? parts.get(0)
                        : p.slop() == 0 ? new Expr.Sequence(parts) : new Expr.Near(parts, p.slop(), false);
            }
            case RuleNode.Near n -> {
                span(n);
                yield new Expr.Near(List.of(expr(n.left()), expr(n.right())), n.distance(), n.ordered());
            }
            case RuleNode.Or or -> new Expr.Any(or.children().stream().map(this::expr).toList());
            case RuleNode.And and -> {
                List<Expr> required = new ArrayList<>();
                List<Expr> excluded = new ArrayList<>();
                for (RuleNode child : and.children()) {
                    if (child instanceof RuleNode.Not not) {
                        excluded.add(expr(not.child()));
                    } else {
                        required.add(expr(child));
                    }
                }
                yield new Expr.All(required, excluded);
            }
            case RuleNode.Not not -> new Expr.All(List.of(), List.of(expr(not.child())));
        };
    }

    /** The necessary word condition of a rule, for candidate selection (see {@link Trigger}). */
    public Trigger trigger(RuleNode node) {
        return switch (node) {
            case RuleNode.Word w -> longest(tokens(queryAnalyzer, w.text(), w.position()));
            case RuleNode.Prefix p -> {
                List<String> tokens = prefixTokens(p);
                yield tokens.size() == 1 ? Trigger.prefix(tokens.get(0)) : Trigger.term(tokens.get(0));
            }
            case RuleNode.Phrase p -> Trigger.mostSelective(p.words().stream().map(this::trigger).toList());
            case RuleNode.Near n -> Trigger.mostSelective(List.of(trigger(n.left()), trigger(n.right())));
            case RuleNode.And and -> Trigger.mostSelective(and.children().stream()
                    .filter(child -> !(child instanceof RuleNode.Not))
                    .map(this::trigger)
                    .toList());
            case RuleNode.Or or -> Trigger.union(or.children().stream().map(this::trigger).toList());
            case RuleNode.Not not -> Trigger.ALWAYS;
        };
    }

    private static Trigger longest(List<String> tokens) {
        String best = tokens.get(0);
        for (String t : tokens) {
            if (t.length() > best.length()) {
                best = t;
            }
        }
        return Trigger.term(best);
    }

    private SpanQuery adjacent(List<String> tokens) {
        SpanQuery[] parts = tokens.stream().map(QueryBuilder::spanTerm).toArray(SpanQuery[]::new);
        return new SpanNearQuery(parts, 0, true);
    }

    private static SpanQuery spanTerm(String token) {
        return new SpanTermQuery(new Term(RuleAnalyzer.FIELD, token));
    }

    /** The lower-cased, unstemmed words of a prefix term; the last one is the prefix proper. */
    List<String> prefixTokens(RuleNode.Prefix p) {
        List<String> tokens = tokens(prefixAnalyzer, p.text(), p.position());
        String prefix = tokens.get(tokens.size() - 1);
        if (prefix.length() < 2) {
            throw new RuleSyntaxException(ruleId, p.position(), "prefix '" + p.text()
                    + "*' is too short; use at least 2 letters before '*'", null);
        }
        return tokens;
    }

    List<String> tokens(Analyzer analyzer, String text, int position) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(RuleAnalyzer.FIELD, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (out.isEmpty()) {
            throw new RuleSyntaxException(ruleId, position,
                    "'" + text + "' contains no searchable word (only punctuation?)", null);
        }
        return out;
    }
}
