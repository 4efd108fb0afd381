/**
 * The wiring of long-running commands: which Kafka to use ({@link io.newswatch.app.runtime.KafkaCluster},
 * the embedded broker when none is configured), the app's own settings
 * ({@link io.newswatch.app.runtime.AppSettings}), the stages of the pipeline as objects
 * ({@link io.newswatch.app.runtime.PipelineStage}: {@link io.newswatch.app.runtime.IngestStage},
 * {@link io.newswatch.app.runtime.EnrichStage}, {@link io.newswatch.app.runtime.DetectStage},
 * {@link io.newswatch.app.runtime.DeliverStage}), planned and started by {@link io.newswatch.app.runtime.Pipeline} for
 * {@code run}, the stage commands and {@link io.newswatch.app.runtime.Replay}, and a clean stop on Ctrl-C, SIGTERM or a
 * failed stage ({@link io.newswatch.app.runtime.Supervisor}, which every stage's failures reach).
 *
 * <p>In: {@link io.newswatch.core.Settings}. Out: running stages that read and write the pipeline's topics, and
 * {@link io.newswatch.app.runtime.StreamsReset} to make a Streams stage start over on request.
 */
package io.newswatch.app.runtime;
