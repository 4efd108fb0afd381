/**
 * Implementation of the rule language. {@link io.newswatch.rules.internal.RuleParser} turns an
 * expression into {@link io.newswatch.rules.internal.RuleNode}s; {@link io.newswatch.rules.internal.QueryBuilder}
 * turns those into Lucene span/boolean queries, the equivalent {@link io.newswatch.rules.internal.Expr}
 * trees and a candidate {@link io.newswatch.rules.internal.Trigger}, all over words analysed by
 * {@link io.newswatch.rules.internal.RuleAnalyzer} ({@link io.newswatch.rules.internal.CompiledRule}).
 * {@link io.newswatch.rules.internal.PositionalRuleMatcher} runs them over one text at a time and reports
 * {@link io.newswatch.rules.internal.Evidence}. The Lucene queries are what the reference engines in this module's test
 * jar run ({@code MemoryIndexRuleMatcher}, {@code MonitorRuleMatcher} with lucene-monitor): the tests check the
 * positional engine against them and the benchmarks measure it against them. Nothing here is part of the module's
 * contract; callers use {@link io.newswatch.rules.RuleMatcher#compile}.
 */
package io.newswatch.rules.internal;
