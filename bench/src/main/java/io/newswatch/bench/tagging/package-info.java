/**
 * Tagging benchmarks and the taxonomy evaluation command. In: config/taxonomy.yaml, the labelled set
 * (enrich/src/test/resources/labelled) and, when present, ../shared/data/bbc-headlines.jsonl (read at run
 * time, never copied). Out: JMH figures for the two rule engines beside a naive regex loop
 * ({@link io.newswatch.bench.tagging.TaggingBenchmark}), precision/recall tables plus tag frequencies
 * ({@link io.newswatch.bench.tagging.EvaluateTaxonomy}), and precision/recall of a taxonomy, or of a baseline and a
 * candidate side by side, on hand-labelled real headlines named by the SHA-256 of their titles (resource
 * tagging/headline-labels.tsv; texts from ../shared/data at run time:
 * {@link io.newswatch.bench.tagging.TagPrecisionEvaluation}). Results are recorded in docs/benchmarks/tagging.md
 * and docs/evaluation/tagging.md.
 */
package io.newswatch.bench.tagging;
