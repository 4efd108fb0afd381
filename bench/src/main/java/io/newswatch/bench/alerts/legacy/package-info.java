/**
 * The spike detector as it was before issue 9 (one bucket scale, EWMA of the watch's own counts, Poisson score),
 * kept only so that benchmarks can measure today's detector beside it in the same run. Not used by the pipeline.
 */
package io.newswatch.bench.alerts.legacy;
