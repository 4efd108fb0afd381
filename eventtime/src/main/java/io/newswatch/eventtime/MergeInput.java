package io.newswatch.eventtime;

import java.util.Map;

/**
 * What a topology with an event-time merge needs to know at build time besides its settings: how many
 * input partitions feed the merge (the input topic's partition count, looked up by whoever starts the
 * stage), where to report progress, and, for an input that is complete before the stage starts (a replay's
 * copy), where each input partition ends.
 *
 * @param upstreamPartitions partitions of the stage's input topic
 * @param progress           the merge's progress, read by a replay in the same JVM
 * @param ends               for a finite input, the offset after the last record of each input partition (its end
 *                           offset); empty for a live input, which has no end
 */
public record MergeInput(int upstreamPartitions, MergeProgress progress, Map<Integer, Long> ends) {

    public MergeInput {
        if (upstreamPartitions < 1) {
            throw new IllegalArgumentException("upstream partitions must be >= 1, got " + upstreamPartitions);
        }
        progress = progress == null ? new MergeProgress() : progress;
        ends = ends == null ? Map.of() : Map.copyOf(ends);
    }

    /** A live input: no end. */
    public MergeInput(int upstreamPartitions, MergeProgress progress) {
        this(upstreamPartitions, progress, Map.of());
    }

    public static MergeInput of(int upstreamPartitions) {
        return new MergeInput(upstreamPartitions, new MergeProgress());
    }
}
