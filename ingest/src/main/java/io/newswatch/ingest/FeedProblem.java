package io.newswatch.ingest;

import java.util.Locale;

/**
 * Something wrong with one feed, said in words a feed owner would understand.
 *
 * @param feed     the feed, as {@link FeedSource#displayName()} (no credentials)
 * @param stage    where it went wrong
 * @param severity whether articles still came out of it
 * @param cause    what went wrong
 */
public record FeedProblem(String feed, Stage stage, Severity severity, String cause) {

    public enum Stage { REGISTRY, FETCH, PARSE, PUBLISH }

    public enum Severity {
        /** Repaired or partly recovered: articles were still produced. */
        WARNING,
        /** Nothing usable came from the feed this time. */
        ERROR
    }

    @Override
    public String toString() {
        return severity + " " + stage.name().toLowerCase(Locale.ROOT) + " " + feed + ": " + cause;
    }
}
