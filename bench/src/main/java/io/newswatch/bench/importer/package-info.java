/** Throughput of {@code newswatch import} on the embedded broker, beside reading alone and a plain producer, in one run. */
package io.newswatch.bench.importer;
