package io.newswatch.alerts.watch;

import io.newswatch.core.LearnedBaseline;
import io.newswatch.core.Watch;
import java.util.List;
import java.util.Map;

/**
 * Learns the baselines of watches from stored history, before they go live: by watch id, the baseline of each watch that
 * had something to learn from. The alerts module only asks; what history is read and how is the caller's (the app runs
 * the alerts stage's own detector over the stored enriched articles, as {@code newswatch watch add} does).
 */
@FunctionalInterface
public interface BaselineLearner {

    /** Learns nothing: the watches start cold (a backtest, or {@code alerts.learn-at-start=false}). */
    BaselineLearner NONE = watches -> Map.of();

    Map<String, LearnedBaseline> learn(List<Watch> watches);
}
