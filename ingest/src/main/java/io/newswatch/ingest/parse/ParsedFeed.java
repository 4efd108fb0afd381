package io.newswatch.ingest.parse;

import java.time.Duration;
import java.util.List;

/**
 * A parsed feed before normalization.
 *
 * @param title    channel title, or null
 * @param link     channel link (the site), or null
 * @param language declared language tag ({@code en-us}, {@code fr}), or null
 * @param ttl      RSS {@code <ttl>}: how long the publisher asks readers to wait between polls, or null
 * @param items    the entries, in document order
 * @param notes    what had to be repaired or recovered, for the feed's log line; empty when nothing
 */
public record ParsedFeed(String title, String link, String language, Duration ttl, List<ParsedItem> items, List<String> notes) {

    public ParsedFeed {
        items = List.copyOf(items);
        notes = List.copyOf(notes);
    }
}
