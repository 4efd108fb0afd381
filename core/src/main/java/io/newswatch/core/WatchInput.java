package io.newswatch.core;

import java.time.Duration;

/**
 * A watch as it is given, before the alerts module's {@code WatchValidator} has checked it: from a watches YAML file,
 * from {@code newswatch watch add} flags, or read back from the compacted {@code news.watches} topic (keyed by id), whose
 * records have this shape (docs/RECORDS.md). Any field may be missing: the validator refuses what is wrong, naming the
 * watch and the field, fills the rest from the defaults and returns a {@link Watch}. What {@code newswatch} writes to the
 * topic is a validated watch in this shape ({@link Watch#toInput()}), every field filled; readers validate it again,
 * since anyone may write to a topic. A tombstone (null value) removes the watch.
 *
 * @param schemaVersion   version of this record's shape
 * @param id              short stable id, e.g. {@code tomahawk}
 * @param description     what the watch is for, shown in alerts
 * @param query           a rule in the taxonomy's rule language, e.g. {@code tomahawk*}
 * @param tag             a taxonomy tag id, e.g. {@code arms-transfer}
 * @param entity          a gazetteer entity id, e.g. {@code country:HU}; exactly one of query, tag and entity must be set
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
public record WatchInput(
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

    /**
     * What the watch counts, when exactly one of query, tag and entity is given (blanks count as missing, values are
     * trimmed); null otherwise, which the validator refuses.
     */
    public WatchSubject subject() {
        return WatchSubject.of(query, tag, entity);
    }
}
