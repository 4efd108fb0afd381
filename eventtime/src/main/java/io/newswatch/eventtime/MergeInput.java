package io.newswatch.eventtime;

/**
 * What a topology with an event-time merge needs to know at build time besides its settings: how many
 * input partitions feed the merge (the input topic's partition count, looked up by whoever starts the
 * stage), and where to report progress.
 *
 * @param upstreamPartitions partitions of the stage's input topic
 * @param progress           the merge's progress, read by a replay in the same JVM
 */
public record MergeInput(int upstreamPartitions, MergeProgress progress) {

    public MergeInput {
        if (upstreamPartitions < 1) {
            throw new IllegalArgumentException("upstream partitions must be >= 1, got " + upstreamPartitions);
        }
        progress = progress == null ? new MergeProgress() : progress;
    }

    public static MergeInput of(int upstreamPartitions) {
        return new MergeInput(upstreamPartitions, new MergeProgress());
    }
}
