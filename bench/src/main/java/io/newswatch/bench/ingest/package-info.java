/**
 * Ingest benchmarks. In: a large real-world feed from ../shared/data/feeds when present (read in place,
 * never copied), else a generated one. Out: JMH figures for the bytes-to-articles path beside a plain StAX
 * pass over the same bytes; results are recorded in docs/benchmarks/ingest.md.
 */
package io.newswatch.bench.ingest;
