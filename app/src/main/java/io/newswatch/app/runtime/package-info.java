/**
 * The wiring of long-running commands: which Kafka to use ({@link io.newswatch.app.runtime.KafkaCluster},
 * the embedded broker when none is configured), the app's own settings
 * ({@link io.newswatch.app.runtime.AppSettings}), the stages of the pipeline
 * ({@link io.newswatch.app.runtime.Pipeline}, {@link io.newswatch.app.runtime.StreamsStage}), and a clean stop
 * on Ctrl-C, SIGTERM or a failed stage ({@link io.newswatch.app.runtime.Supervisor}).
 *
 * <p>In: {@link io.newswatch.core.Settings}. Out: running stages that read and write the pipeline's topics, and
 * {@link io.newswatch.app.runtime.StreamsReset} to make a Streams stage start over on request.
 */
package io.newswatch.app.runtime;
