/**
 * Tagging benchmarks and the taxonomy evaluation command. In: config/taxonomy.yaml, the labelled set
 * (enrich/src/test/resources/labelled) and, when present, ../shared/data/bbc-headlines.jsonl (read at run
 * time, never copied). Out: JMH figures for the two rule engines beside a naive regex loop
 * ({@link io.newswatch.bench.tagging.TaggingBenchmark}), and precision/recall tables plus tag frequencies
 * ({@link io.newswatch.bench.tagging.EvaluateTaxonomy}). Results are recorded in docs/benchmarks/tagging.md.
 */
package io.newswatch.bench.tagging;
