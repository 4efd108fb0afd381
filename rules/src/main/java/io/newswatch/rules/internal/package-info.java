/**
 * Implementation of the rule language. {@link io.newswatch.rules.internal.RuleParser} turns an
 * expression into {@link io.newswatch.rules.internal.RuleNode}s; {@link io.newswatch.rules.internal.QueryBuilder}
 * turns those into Lucene span/boolean queries, the equivalent {@link io.newswatch.rules.internal.Expr}
 * trees and a candidate {@link io.newswatch.rules.internal.Trigger}, all over words analysed by
 * {@link io.newswatch.rules.internal.RuleAnalyzer} ({@link io.newswatch.rules.internal.CompiledRule}).
 * Three matchers run them over one text at a time and report
 * {@link io.newswatch.rules.internal.Evidence}: {@link io.newswatch.rules.internal.PositionalRuleMatcher}
 * (the default), {@link io.newswatch.rules.internal.MemoryIndexRuleMatcher} (Lucene queries, the
 * reference) and {@link io.newswatch.rules.internal.MonitorRuleMatcher} (lucene-monitor). Nothing here
 * is part of the module's contract; callers use {@link io.newswatch.rules.RuleMatcher#compile}.
 */
package io.newswatch.rules.internal;
