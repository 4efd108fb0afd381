package io.newswatch.ingest.normalize;

import io.newswatch.core.Article;
import io.newswatch.core.EventTimeRule;
import io.newswatch.core.SourceDomain;
import io.newswatch.ingest.parse.ParsedFeed;
import io.newswatch.ingest.parse.ParsedItem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link ParsedFeed} to {@link Article}s: plain text, resolved and canonical links, stable ids, source
 * name and domain, authors, categories, language, and the event time chosen by {@link EventTimeRule}.
 * Items with neither a title nor a summary nor a link carry nothing to monitor and are skipped (counted
 * by the caller as the difference between items and articles).
 */
public final class ArticleNormalizer {

    /** RSS {@code <author>} is an e-mail address, often {@code desk@example.com (Jane Doe)}. */
    private static final Pattern EMAIL_WITH_NAME = Pattern.compile("^\\s*\\S+@\\S+\\s*\\((.+)\\)\\s*$");
    private static final Pattern BARE_EMAIL = Pattern.compile("^\\s*[^\\s@]+@[^\\s@]+\\s*$");

    private final EventTimeRule eventTime;
    private final int summaryMaxChars;
    private final boolean detectLanguage;

    public ArticleNormalizer(EventTimeRule eventTime, int summaryMaxChars, boolean detectLanguage) {
        this.eventTime = eventTime;
        this.summaryMaxChars = summaryMaxChars;
        this.detectLanguage = detectLanguage;
    }

    /**
     * @param feed       the parsed feed
     * @param feedUrl    the feed's URL as configured, or its file URI (recorded, part of hash ids)
     * @param baseUrl    the URL the body came from after redirects (base for relative links), or null
     * @param sourceName configured name of the feed, or null to use the feed's own title
     * @param fetchedAt  when the feed was fetched or read
     */
    public List<Article> normalize(ParsedFeed feed, String feedUrl, String baseUrl, String sourceName, Instant fetchedAt) {
        String name = firstNonBlank(sourceName, PlainText.of(feed.title(), 200), SourceDomain.of(LinkCanonicalizer.host(feedUrl)), feedUrl);
        String declaredLanguage = LanguageGuesser.declared(feed.language());
        String documentBase = baseUrl != null && baseUrl.startsWith("http") ? baseUrl : null;
        String siteBase = LinkCanonicalizer.resolve(feed.link(), documentBase);
        // Links resolve against the document's URL (Rome has already applied xml:base in Atom); a feed read
        // from a file has no useful base, so its channel link stands in.
        String linkBase = documentBase != null ? documentBase : siteBase;
        // The host for items whose own link has none: the same for every item, so found once per feed.
        String feedHost = firstNonBlank(LinkCanonicalizer.host(siteBase), LinkCanonicalizer.host(feedUrl));
        List<Article> articles = new ArrayList<>(feed.items().size());
        for (ParsedItem item : feed.items()) {
            Article article = normalize(item, feedUrl, name, declaredLanguage, feedHost, linkBase, fetchedAt);
            if (article != null) {
                articles.add(article);
            }
        }
        return articles;
    }

    private Article normalize(ParsedItem item, String feedUrl, String sourceName, String declaredLanguage, String feedHost,
            String base, Instant fetchedAt) {
        String title = PlainText.of(item.title(), 1000);
        String summary = PlainText.of(richerOf(item.summary(), item.content()), summaryMaxChars);
        LinkCanonicalizer.ResolvedLink resolved = LinkCanonicalizer.resolveAll(item.link(), base);
        if (resolved.link() == null && item.guid() != null && ArticleIds.looksLikeLink(item.guid())) {
            resolved = LinkCanonicalizer.resolveAll(item.guid(), base); // RSS: a permalink guid is the link
        }
        String link = resolved.link();
        if (title.isEmpty() && summary.isEmpty() && link == null) {
            return null;
        }
        if (title.isEmpty()) {
            title = summary.isEmpty() ? link : PlainText.of(summary, 120);
        }
        String canonical = resolved.canonical();
        String host = firstNonBlank(resolved.host(), feedHost);
        Instant published = item.published() != null ? item.published() : item.updated();
        String guid = item.guid() == null || item.guid().isBlank() ? null : item.guid().trim();
        // Ids from the host, as they always were; the source domain is the outlet's registrable domain.
        String id = ArticleIds.of(guid, canonical, host, feedUrl, title, published);
        String domain = SourceDomain.of(host);
        String language = declaredLanguage;
        if (language == null && detectLanguage) {
            language = LanguageGuesser.detect(title, summary);
        }
        EventTimeRule.Choice choice = eventTime.choose(published, fetchedAt);
        return new Article(Article.SCHEMA_VERSION, id, feedUrl, sourceName, domain, title, summary, link, canonical, guid,
                authors(item.authors()), categories(item.categories()), language, published, fetchedAt, choice.eventTime(),
                choice.source());
    }

    /**
     * The description is often a one-line teaser and content:encoded the full story; the tagger sees only
     * title and summary, so the longer text wins (then capped at summaryMaxChars).
     */
    private static String richerOf(String description, String content) {
        if (content == null || content.isBlank()) {
            return description;
        }
        if (description == null || description.isBlank()) {
            return content;
        }
        return content.length() > description.length() ? content : description;
    }

    private static List<String> authors(List<String> raw) {
        Set<String> out = new LinkedHashSet<>();
        for (String author : raw) {
            String name = author;
            if (author.indexOf('@') >= 0) { // most bylines hold no address: no pattern to run
                Matcher m = EMAIL_WITH_NAME.matcher(author);
                if (m.matches()) {
                    name = m.group(1);
                } else if (BARE_EMAIL.matcher(author).matches()) {
                    continue; // an address alone names nobody, and is personal data we need not carry
                }
            }
            name = PlainText.of(name, 200);
            if (!name.isEmpty()) {
                out.add(name);
            }
        }
        return List.copyOf(out);
    }

    private static List<String> categories(List<String> raw) {
        Set<String> out = new LinkedHashSet<>();
        for (String category : raw) {
            String text = PlainText.of(category, 200);
            if (!text.isEmpty()) {
                out.add(text);
            }
        }
        return List.copyOf(out);
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
