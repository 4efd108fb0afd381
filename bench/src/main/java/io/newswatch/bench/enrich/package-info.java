/**
 * Benchmark commands for the enrich stage. In: articles (real BBC headlines from ../shared/data when
 * present, generated ones otherwise). Out: throughput figures on stdout, recorded in docs/benchmarks/enrich.md.
 */
package io.newswatch.bench.enrich;
