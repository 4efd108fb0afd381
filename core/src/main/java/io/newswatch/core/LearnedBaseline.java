package io.newswatch.core;

import java.time.Duration;
import java.time.Instant;

/**
 * What a watch's detector learned from stored history before the watch went live ({@code newswatch watch add} runs it
 * over the enriched topic), so a new watch starts with a baseline instead of cold. The alerts stage uses it only for a
 * watch whose own history starts at or after {@code asOf}: a replay of older data learns from the data itself and never
 * sees a baseline from its future.
 *
 * @param baseline the baseline memory it was learned with; a watch with another one ignores it
 * @param stories  decayed (winsorized) count of the watch's stories at {@code asOf}
 * @param volume   decayed count of all the stream's articles at {@code asOf}, over the same time: the share is their ratio
 * @param since    where the stored history began (it counts towards the detector's warm-up)
 * @param asOf     where the learned part ends: buckets after it were not folded into the baseline yet
 */
public record LearnedBaseline(Duration baseline, double stories, double volume, Instant since, Instant asOf) {

    /** The watch's share of the stream this baseline expects. */
    public double share() {
        return volume > 0 ? stories / volume : 0.0;
    }
}
