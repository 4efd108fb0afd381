package io.newswatch.app.runtime;

/**
 * One long-running stage of the pipeline (ingest, enrich, alerts, deliver), built once from the settings by its
 * {@code plan(Settings)} (settings read, rules compiled, watches checked, nothing started) and started by
 * {@link Pipeline#start}: {@code run}, the stage commands and {@code replay} compose the same objects, and so do the
 * integration tests.
 *
 * <p>A stage's {@link #start} starts its clients and threads, binds its meters to the context's monitor and hands
 * whatever can fail while running (a Streams client, a consuming thread) the context's {@link StageContext#failures()},
 * which stops the command. The pipeline registers the returned {@link RunningStage} with the supervisor, which closes
 * it on the way out, and with the monitor, whose {@code /ready} reports its {@link RunningStage#status()}.
 */
public interface PipelineStage {

    /** The stage's name in metrics, {@code /ready} and logs: {@code ingest}, {@code enrich}, {@code alerts}, {@code deliver}. */
    String label();

    /** Starts the stage and returns at once. Its topics exist (the pipeline provisions them first). */
    RunningStage start(StageContext context);
}
