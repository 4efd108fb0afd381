package io.newswatch.core;

import java.time.Duration;

/**
 * What a user watches and how sensitive the watch is; lives compacted on {@code news.watches}, keyed by id.
 * Exactly one of {@link #query()}, {@link #tag()} and {@link #entity()} is set. A tombstone (null value)
 * removes the watch. Validation lives with the alerts module, which owns the rules for each field.
 *
 * @param schemaVersion   version of this record's shape
 * @param id              short stable id, e.g. {@code tomahawk}
 * @param description     what the watch is for, shown in alerts
 * @param query           a rule in the taxonomy's rule language, e.g. {@code tomahawk*}
 * @param tag             a taxonomy tag id, e.g. {@code arms-transfer}
 * @param entity          a gazetteer entity id, e.g. {@code country:HU}
 * @param bucket          width of the event-time counting bucket
 * @param baseline        how much history forms the expected rate
 * @param sensitivity     score (-log10 of the Poisson tail probability) at which an alert opens
 * @param minArticles     fewest articles in a bucket before any alert
 * @param minSources      fewest distinct sources in a bucket before any alert
 * @param cooldown        quiet time after RESOLVED before the same watch may OPEN again
 * @param outputTopic     optional extra topic for this watch's alerts
 * @param webhookUrl      optional URL that receives each alert as a JSON POST
 * @param enabled         false pauses the watch without deleting it
 * @param learned         the baseline {@code newswatch watch add} learned from stored history, or null (see {@link LearnedBaseline})
 */
public record Watch(
        int schemaVersion,
        String id,
        String description,
        String query,
        String tag,
        String entity,
        Duration bucket,
        Duration baseline,
        Double sensitivity,
        Integer minArticles,
        Integer minSources,
        Duration cooldown,
        String outputTopic,
        String webhookUrl,
        Boolean enabled,
        LearnedBaseline learned) {

    public static final int SCHEMA_VERSION = 1;

    /** This watch with {@code learned} as its learned baseline. */
    public Watch withLearned(LearnedBaseline learnedBaseline) {
        return new Watch(schemaVersion, id, description, query, tag, entity, bucket, baseline, sensitivity, minArticles, minSources,
                cooldown, outputTopic, webhookUrl, enabled, learnedBaseline);
    }
}
