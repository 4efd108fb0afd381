package io.newswatch.ingest.parse;

import java.time.Instant;
import java.util.List;

/**
 * One feed entry as published, before normalization: text may still hold HTML and entities, links may
 * be relative. Both the Rome path and the lenient fallback produce this shape.
 *
 * @param title      title as published (may hold HTML)
 * @param summary    description/summary as published (may hold HTML), or null
 * @param content    full content (content:encoded, Atom content), or null
 * @param link       the item link, possibly relative, or null
 * @param guid       RSS guid, Atom id or RSS 1.0 rdf:about, or null
 * @param authors    author names or addresses as published
 * @param categories category labels
 * @param published  publish date, or null when absent or unreadable
 * @param updated    update date, or null
 */
public record ParsedItem(
        String title,
        String summary,
        String content,
        String link,
        String guid,
        List<String> authors,
        List<String> categories,
        Instant published,
        Instant updated) {

    public ParsedItem {
        authors = authors == null ? List.of() : List.copyOf(authors);
        categories = categories == null ? List.of() : List.copyOf(categories);
    }
}
