/**
 * Implementation of the rule language: {@link io.newswatch.rules.internal.RuleParser} turns an
 * expression into {@link io.newswatch.rules.internal.RuleNode}s,
 * {@link io.newswatch.rules.internal.QueryBuilder} turns those into Lucene span/boolean queries over
 * text analysed by {@link io.newswatch.rules.internal.RuleAnalyzer}, and a matcher
 * ({@link io.newswatch.rules.internal.MemoryIndexRuleMatcher} by default,
 * {@link io.newswatch.rules.internal.MonitorRuleMatcher} as the lucene-monitor alternative) runs them
 * over one text at a time, reporting {@link io.newswatch.rules.internal.Evidence}. Nothing here is
 * part of the module's contract; callers use {@link io.newswatch.rules.RuleMatcher#compile}.
 */
package io.newswatch.rules.internal;
