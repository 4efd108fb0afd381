package io.newswatch.core;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One news item as the ingest stage publishes it to {@code news.articles.raw}, keyed by {@link #id()}.
 *
 * <p>Text fields are plain text (HTML removed, entities decoded, whitespace collapsed). Times are UTC
 * instants, serialized as ISO-8601 strings. The Kafka record timestamp equals {@link #eventTime()}.
 *
 * @param schemaVersion  version of this record's shape; bumped on incompatible changes
 * @param id             stable id: GUID when it is a real identifier, else canonical link, else a hash
 * @param feedUrl        the feed this item came from (URL or file URI)
 * @param sourceName     human name of the source (feed title or configured name)
 * @param sourceDomain   the registrable domain ({@link SourceDomain}) of the article link's host, else of the feed's
 *                       site or URL: {@code edition.cnn.com} gives {@code cnn.com}, {@code news.bbc.co.uk} gives
 *                       {@code bbc.co.uk}; an IP address or a host under no public suffix stays the host without
 *                       {@code www.}; null when there is no host. What alerts count distinct sources by. Articles written
 *                       before it was the registrable domain carry the host without {@code www.}
 * @param title          plain-text title
 * @param summary        plain-text summary or description, possibly empty
 * @param link           the link as published
 * @param canonicalLink  the link with tracking parameters and fragment removed
 * @param guid           the feed's GUID/Atom id when present, else null
 * @param authors        author names, possibly empty
 * @param categories     categories as published, possibly empty
 * @param language       ISO 639-1 code (declared by the feed, else detected), or null when unknown
 * @param publishedAt    the publisher's date in UTC, or null when absent or unparseable
 * @param fetchedAt      when the feed was fetched or read
 * @param eventTime      the time every windowed computation uses
 * @param eventTimeSource which of publishedAt/fetchedAt became eventTime
 */
public record Article(
        int schemaVersion,
        String id,
        String feedUrl,
        String sourceName,
        String sourceDomain,
        String title,
        String summary,
        String link,
        String canonicalLink,
        String guid,
        List<String> authors,
        List<String> categories,
        String language,
        Instant publishedAt,
        Instant fetchedAt,
        Instant eventTime,
        EventTimeSource eventTimeSource) {

    public static final int SCHEMA_VERSION = 1;

    public Article {
        Objects.requireNonNull(id, "id");
        title = title == null ? "" : title;
        summary = summary == null ? "" : summary;
        authors = authors == null ? List.of() : List.copyOf(authors);
        categories = categories == null ? List.of() : List.copyOf(categories);
    }

    /** Title and summary as one text, the unit that tagging and entity extraction read. */
    public String text() {
        return summary.isEmpty() ? title : title + "\n" + summary;
    }
}
