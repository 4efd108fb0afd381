package io.newswatch.ingest;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One feed to poll: an http(s) URL or a saved feed file. Also the value of a record on the feeds topic (JSON
 * {@code {"location": ..., "name": ...}}, keyed by the location).
 *
 * @param location the URL, or the file's absolute path
 * @param name     a human name from the feed list (OPML {@code text}/{@code title}, YAML {@code name}),
 *                 or null to use the feed's own title
 */
public record FeedSource(String location, String name) {

    public FeedSource {
        Objects.requireNonNull(location, "location");
    }

    public static FeedSource of(String location) {
        return new FeedSource(location, null);
    }

    @JsonIgnore
    public boolean isHttp() {
        return location.regionMatches(true, 0, "http://", 0, 7) || location.regionMatches(true, 0, "https://", 0, 8);
    }

    /**
     * The feed URL recorded in articles: the URL with credentials removed (records outlive logs and travel
     * further), or the file's {@code file:} URI.
     */
    public String feedUrl() {
        return isHttp() ? LoggedUrl.of(location) : Path.of(location).toUri().toString();
    }

    /** How the feed is named in logs and stats: credentials and tokens removed. */
    public String displayName() {
        return isHttp() ? LoggedUrl.of(location) : location;
    }
}
