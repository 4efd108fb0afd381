package io.newswatch.rules;

/**
 * A named rule in the analyst rule language, e.g. id {@code arms-transfer}, expression
 * {@code ("sell tomahawk"~5 OR "arms sale") AND NOT video*}.
 */
public record Rule(String id, String expression) {
}
