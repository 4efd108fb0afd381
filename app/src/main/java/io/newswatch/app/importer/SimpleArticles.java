package io.newswatch.app.importer;

import io.newswatch.core.Article;
import io.newswatch.core.SourceDomain;
import io.newswatch.ingest.IngestSettings;
import io.newswatch.ingest.normalize.ArticleNormalizer;
import io.newswatch.ingest.normalize.LinkCanonicalizer;
import io.newswatch.ingest.parse.FeedDates;
import io.newswatch.ingest.parse.ParsedFeed;
import io.newswatch.ingest.parse.ParsedItem;
import java.time.Instant;
import java.util.List;

/**
 * Lines of history to {@link Article}s made exactly as ingest makes them: the simple form goes through
 * ingest's own {@link ArticleNormalizer} (plain text, canonical link, {@code u-} id from the canonical link,
 * source domain, language, event time), so importing a headline that ingest also saw gives the same id,
 * and importing a file twice gives the same ids twice.
 *
 * <p>Times are ISO-8601 or RFC 822, read by ingest's {@link FeedDates} (a time with no zone is UTC).
 * {@code captured}, when the item was seen, stands in for the fetch time, so {@link io.newswatch.core.EventTimeRule}
 * judges {@code published} against it as it would have live: a plausible publish time becomes the event time,
 * an implausible one (a 1970 date, a date from next week) gives way to the capture time. Without
 * {@code captured}, {@code published} is both; with neither there is no time to place the article at, and
 * the line is bad.
 */
public final class SimpleArticles {

    /**
     * One article in the simple form, as written (any field may be null).
     *
     * @param language declared language (ISO 639 code), optional: detected from the text when absent, as ingest does
     */
    public record Fields(String title, String link, String summary, String source, String published, String captured, String language) {
    }

    private final ArticleNormalizer normalizer;

    public SimpleArticles(IngestSettings settings) {
        this.normalizer = new ArticleNormalizer(settings.eventTimeRule(), settings.summaryMaxChars(), settings.detectLanguage());
    }

    /**
     * @param feedUrl recorded as the article's feed: the {@code file:} URI of the input file
     * @throws BadRecordException saying what is missing or unreadable
     */
    public Article toArticle(Fields f, String feedUrl) throws BadRecordException {
        if (isBlank(f.title())) {
            throw new BadRecordException("no title");
        }
        if (isBlank(f.link())) {
            throw new BadRecordException("no link");
        }
        LinkCanonicalizer.ResolvedLink link = LinkCanonicalizer.resolveAll(f.link(), null);
        if (link.link() == null) {
            throw new BadRecordException("link is not an absolute http(s) URL: " + abbreviate(f.link()));
        }
        Instant published = time("published", f.published());
        Instant captured = time("captured", f.captured());
        if (published == null && captured == null) {
            throw new BadRecordException("neither published nor captured: no time to place the article at");
        }
        Instant fetchedAt = captured != null ? captured : published;
        ParsedItem item = new ParsedItem(f.title(), f.summary(), null, f.link(), null, List.of(), List.of(), published, null);
        ParsedFeed feed = new ParsedFeed(null, null, f.language(), null, List.of(item), List.of());
        // No outlet name: the link's domain names it better than the input file would.
        String sourceName = isBlank(f.source()) ? SourceDomain.of(link.host()) : f.source();
        List<Article> articles = normalizer.normalize(feed, feedUrl, null, sourceName, fetchedAt);
        if (articles.isEmpty()) {
            throw new BadRecordException("nothing left after normalizing (title and link empty as plain text)");
        }
        return articles.get(0);
    }

    /**
     * A full article (as on {@code news.articles.raw}) is taken as it is, ids and times included, once it
     * can be keyed and placed.
     */
    public static Article checkFull(Article a) throws BadRecordException {
        if (isBlank(a.id())) {
            throw new BadRecordException("article has an empty id");
        }
        for (int i = 0; i < a.id().length(); i++) {
            if (a.id().charAt(i) < ' ') {
                throw new BadRecordException("article id holds control characters");
            }
        }
        if (a.eventTime() == null) {
            throw new BadRecordException("article " + a.id() + " has no eventTime");
        }
        if (a.title().isBlank() && isBlank(a.link())) {
            throw new BadRecordException("article " + a.id() + " has neither title nor link");
        }
        return a;
    }

    private static Instant time(String field, String value) throws BadRecordException {
        if (isBlank(value)) {
            return null;
        }
        Instant t = FeedDates.parse(value);
        if (t == null) {
            throw new BadRecordException("bad time in " + field + ": '" + abbreviate(value) + "' (expected ISO-8601 or RFC 822)");
        }
        return t;
    }

    static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
