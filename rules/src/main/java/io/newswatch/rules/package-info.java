/**
 * The analyst rule language. In: {@link io.newswatch.rules.Rule}s (id + expression such as
 * {@code ("sell tomahawk"~5 OR "arms sale") AND NOT video*}); {@link io.newswatch.rules.RuleMatcher#compile}
 * turns them into a matcher or fails with {@link io.newswatch.rules.RuleSyntaxException} (rule id,
 * position). Out: for each text, the {@link io.newswatch.rules.RuleHit}s of the rules that match it,
 * each with the words of the text that made it match. Used by the taxonomy tagger (enrich) and by
 * query watches (alerts). The language is documented in docs/RULES.md.
 */
package io.newswatch.rules;
