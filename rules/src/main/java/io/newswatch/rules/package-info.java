/**
 * The analyst rule language. In: {@link io.newswatch.rules.Rule}s (id + expression such as
 * {@code ("sell tomahawk"~5 OR "arms sale") AND NOT video*}); {@link io.newswatch.rules.RuleMatcher#compile}
 * turns them into a matcher or fails with {@link io.newswatch.rules.RuleSyntaxException} (rule id,
 * position). Out: for each text, the {@link io.newswatch.rules.RuleHit}s of the rules that match it,
 * each with the words of the text that made it match. Used by the taxonomy tagger (enrich) and by
 * query watches (alerts). The language is documented in docs/RULES.md.
 *
 * <p>Those four types are the module's contract; the rest is package-private. {@link io.newswatch.rules.RuleParser}
 * turns an expression into {@link io.newswatch.rules.RuleNode}s; {@link io.newswatch.rules.QueryBuilder} turns those
 * into Lucene span/boolean queries, the equivalent {@link io.newswatch.rules.Expr} trees and a candidate
 * {@link io.newswatch.rules.Trigger}, all over words analysed by {@link io.newswatch.rules.RuleAnalyzer}
 * ({@link io.newswatch.rules.CompiledRule}). {@link io.newswatch.rules.PositionalRuleMatcher} runs them over one text
 * at a time and reports {@link io.newswatch.rules.Evidence}. The Lucene queries are what the reference engines in this
 * module's test jar run ({@code MemoryIndexRuleMatcher}, {@code MonitorRuleMatcher} with lucene-monitor): the tests
 * check the positional engine against them and the benchmarks measure it against them.
 */
package io.newswatch.rules;
