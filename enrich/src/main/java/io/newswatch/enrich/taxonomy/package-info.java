/**
 * Topic tags from a taxonomy. In: a taxonomy YAML file (config/taxonomy.yaml, read by
 * {@link io.newswatch.enrich.taxonomy.TaxonomyLoader}, which refuses a bad file naming the tag and
 * rule position) and article texts. Out: {@link io.newswatch.core.TagMatch}es with the words that
 * produced them, and the taxonomy version ({@link io.newswatch.enrich.taxonomy.Tagger}).
 * {@link io.newswatch.enrich.taxonomy.TaxonomyEvaluation} scores a taxonomy against a labelled set.
 * Rules are compiled by the rules module ({@link io.newswatch.rules.RuleMatcher}).
 */
package io.newswatch.enrich.taxonomy;
