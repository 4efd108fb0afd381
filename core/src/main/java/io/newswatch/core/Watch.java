package io.newswatch.core;

import java.time.Duration;
import java.util.Objects;

/**
 * A checked watch, the only form the alerts stage and the commands work with: built by the alerts module's
 * {@code WatchValidator} from a {@link WatchInput} (which refuses what is wrong and fills the defaults), so every field
 * the detector reads is there. On the watches topic it is stored as {@link #toInput()}.
 *
 * @param id          short stable id, e.g. {@code tomahawk}
 * @param description what the watch is for, shown in alerts; the subject when none was given
 * @param subject     what it counts: a query, a tag or an entity
 * @param bucket      width of the event-time counting bucket
 * @param baseline    how much history forms the expected rate
 * @param sensitivity score (-log10 of the tail probability) at which an alert opens
 * @param minArticles fewest articles in a window before any alert
 * @param minSources  fewest distinct sources in a window before any alert
 * @param cooldown    quiet time after RESOLVED before the same watch may OPEN again
 * @param outputTopic an extra topic for this watch's alerts (under the topic prefix), or null for none
 * @param webhookUrl  URL that receives each alert as a JSON POST, or null for none
 * @param enabled     false pauses the watch without deleting it
 * @param learned     the baseline {@code newswatch watch add} learned from stored history, or null (see {@link LearnedBaseline})
 */
public record Watch(
        String id,
        String description,
        WatchSubject subject,
        Duration bucket,
        Duration baseline,
        double sensitivity,
        int minArticles,
        int minSources,
        Duration cooldown,
        String outputTopic,
        String webhookUrl,
        boolean enabled,
        LearnedBaseline learned) {

    public Watch {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(cooldown, "cooldown");
    }

    /** This watch with {@code learned} as its learned baseline. */
    public Watch withLearned(LearnedBaseline learnedBaseline) {
        return new Watch(id, description, subject, bucket, baseline, sensitivity, minArticles, minSources, cooldown, outputTopic,
                webhookUrl, enabled, learnedBaseline);
    }

    /** The record of this watch on the watches topic: every field filled. */
    public WatchInput toInput() {
        String query = subject instanceof WatchSubject.Query q ? q.value() : null;
        String tag = subject instanceof WatchSubject.Tag t ? t.value() : null;
        String entity = subject instanceof WatchSubject.Entity e ? e.value() : null;
        return new WatchInput(WatchInput.SCHEMA_VERSION, id, description, query, tag, entity, bucket, baseline, sensitivity,
                minArticles, minSources, cooldown, outputTopic, webhookUrl, enabled, learned);
    }
}
