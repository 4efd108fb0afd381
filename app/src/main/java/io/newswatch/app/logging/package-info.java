/**
 * How newswatch logs: the console format switch ({@link io.newswatch.app.logging.LogFormat}, text or JSON lines) and
 * the filter that keeps Kafka's harmless exactly-once retries out of the log
 * ({@link io.newswatch.app.logging.ExpectedExactlyOnceNoise}). In: logback.xml and the {@code log.format} setting.
 * Out: log events on stderr.
 */
package io.newswatch.app.logging;
