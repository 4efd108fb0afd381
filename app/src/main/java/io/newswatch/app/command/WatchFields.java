package io.newswatch.app.command;

import io.newswatch.core.WatchInput;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * The fields of a watch as command-line flags, shared by {@code watch add} (which writes the watch) and {@code watch test}
 * (which tries it on stored history first): the same flags, so a user tries a watch and then adds it with one word changed.
 * Fields left out stay null here and take the {@code alerts.defaults.*} settings in validation.
 */
public final class WatchFields {

    @Option(names = "--id", paramLabel = "ID", description = "Short stable id, e.g. tomahawk.")
    String id;

    @Option(names = "--description", paramLabel = "TEXT", description = "What the watch is for, shown in its alerts.")
    String description;

    @Option(names = "--query", paramLabel = "RULE", description = "A rule in the taxonomy's rule language, e.g. 'tomahawk*'.")
    String query;

    @Option(names = "--tag", paramLabel = "TAG", description = "A taxonomy tag id, e.g. arms-transfer.")
    String tag;

    @Option(names = "--entity", paramLabel = "ENTITY", description = "A gazetteer entity id, e.g. country:HU.")
    String entity;

    @Option(names = "--bucket", paramLabel = "DURATION", converter = WatchCommand.DurationConverter.class,
            description = "Counting bucket, e.g. 10m.")
    Duration bucket;

    @Option(names = "--baseline", paramLabel = "DURATION", converter = WatchCommand.DurationConverter.class,
            description = "History behind the expected rate, e.g. 3d.")
    Duration baseline;

    @Option(names = "--sensitivity", paramLabel = "SCORE", description = "Score at which an alert opens: -log10 of how often a day "
            + "such coverage turns up by chance (docs/ALERTS.md).")
    Double sensitivity;

    @Option(names = "--min-articles", paramLabel = "N", description = "Fewest articles in a window before any alert.")
    Integer minArticles;

    @Option(names = "--min-sources", paramLabel = "N", description = "Fewest distinct sources in a window before any alert.")
    Integer minSources;

    @Option(names = "--cooldown", paramLabel = "DURATION", converter = WatchCommand.DurationConverter.class,
            description = "Quiet time after RESOLVED before it may open again.")
    Duration cooldown;

    @Option(names = "--output-topic", paramLabel = "TOPIC", description = "An extra topic for this watch's alerts.")
    String outputTopic;

    @Option(names = "--webhook", paramLabel = "URL", description = "URL that receives each alert as a JSON POST (Slack-compatible).")
    String webhook;

    @Option(names = "--disabled", description = "Paused: it raises no alert until enabled.")
    boolean disabled;

    /** True when the flags say what to count: one of --query, --tag, --entity (validation refuses more than one). */
    boolean definesWatch() {
        return query != null || tag != null || entity != null;
    }

    /** The watch the flags describe, with {@code id} as its id. */
    WatchInput toInput(String id) {
        return new WatchInput(WatchInput.SCHEMA_VERSION, id, description, query, tag, entity, bucket, baseline, sensitivity, minArticles,
                minSources, cooldown, outputTopic, webhook, disabled ? Boolean.FALSE : null, null);
    }

    /**
     * {@code base} with every field given here in its place, except what it counts (a watch that counts something else
     * is another watch): an existing watch tried with another sensitivity, bucket or minimum.
     */
    WatchInput over(WatchInput base) {
        return new WatchInput(WatchInput.SCHEMA_VERSION, base.id(), or(description, base.description()), base.query(), base.tag(),
                base.entity(), or(bucket, base.bucket()), or(baseline, base.baseline()), or(sensitivity, base.sensitivity()),
                or(minArticles, base.minArticles()), or(minSources, base.minSources()), or(cooldown, base.cooldown()),
                or(outputTopic, base.outputTopic()), or(webhook, base.webhookUrl()), disabled ? Boolean.FALSE : base.enabled(), null);
    }

    private static <T> T or(T given, T base) {
        return given != null ? given : base;
    }
}
