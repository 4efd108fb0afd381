package io.newswatch.ingest.parse;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * The recovery path, used only when Rome refuses a feed: jsoup's forgiving XML tree builder, which
 * never rejects input (mismatched tags, a body cut off mid-item, stray markup) and builds the best tree
 * it can. Items are read by local element name, ignoring namespace prefixes, so RSS 0.9x/1.0/2.0 and
 * Atom all map the same way. jsoup does not process DTDs or expand entities beyond the HTML set, and
 * {@link XmlRepair} has refused entity declarations before this runs.
 */
final class LenientFeedParser {

    private LenientFeedParser() {
    }

    static ParsedFeed parse(String xml, String feedUrl, List<String> notes) {
        Document doc = Jsoup.parse(xml, feedUrl == null ? "" : feedUrl, Parser.xmlParser());
        List<ParsedItem> items = new ArrayList<>();
        Element channel = null;
        for (Element e : doc.getAllElements()) {
            String name = localName(e);
            if (name.equals("item") || name.equals("entry")) {
                items.add(item(e));
            } else if (channel == null && (name.equals("channel") || name.equals("feed"))) {
                channel = e;
            }
        }
        String title = null;
        String link = null;
        String language = null;
        Duration ttl = null;
        if (channel != null) {
            title = childText(channel, "title");
            link = link(channel);
            language = childText(channel, "language");
            if (language == null && !channel.attr("xml:lang").isBlank()) {
                language = channel.attr("xml:lang");
            }
            String ttlText = childText(channel, "ttl");
            if (ttlText != null && ttlText.matches("\\d{1,6}")) {
                ttl = Duration.ofMinutes(Long.parseLong(ttlText));
            }
        }
        return new ParsedFeed(title, link, language, ttl, items, notes);
    }

    private static ParsedItem item(Element e) {
        String title = childText(e, "title");
        String summary = firstNonNull(childText(e, "description"), childText(e, "summary"));
        String content = firstNonNull(childText(e, "encoded"), childText(e, "content"));
        String guid = firstNonNull(childText(e, "guid"), childText(e, "id"));
        if (guid == null && !e.attr("rdf:about").isBlank()) {
            guid = e.attr("rdf:about");
        }
        Set<String> authors = new LinkedHashSet<>();
        List<String> categories = new ArrayList<>();
        Instant published = null;
        Instant updated = null;
        for (Element child : e.children()) {
            String name = localName(child);
            switch (name) {
                case "author", "creator" -> {
                    String personName = childText(child, "name");
                    String value = personName != null ? personName : child.text().trim();
                    if (!value.isEmpty()) {
                        authors.add(value);
                    }
                }
                case "category", "subject" -> {
                    String value = child.hasAttr("term") ? child.attr("term") : child.text();
                    if (!value.isBlank()) {
                        categories.add(value.trim());
                    }
                }
                case "pubdate", "published", "issued", "date", "created" -> {
                    if (published == null) {
                        published = FeedDates.parse(child.text());
                    }
                }
                case "updated", "modified" -> {
                    if (updated == null) {
                        updated = FeedDates.parse(child.text());
                    }
                }
                default -> {
                }
            }
        }
        if (published == null) {
            published = updated;
        }
        return new ParsedItem(title, summary, content, link(e), guid, List.copyOf(authors), categories, published, updated);
    }

    /** RSS {@code <link>text</link>} or Atom {@code <link rel="alternate" href="..."/>}. */
    private static String link(Element parent) {
        String fallback = null;
        for (Element child : parent.children()) {
            if (!localName(child).equals("link")) {
                continue;
            }
            if (child.hasAttr("href")) {
                String rel = child.attr("rel");
                if (rel.isEmpty() || rel.equals("alternate")) {
                    return child.attr("href").trim();
                }
                if (fallback == null) {
                    fallback = child.attr("href").trim();
                }
            } else if (!child.text().isBlank()) {
                return child.text().trim();
            }
        }
        return fallback;
    }

    private static String childText(Element parent, String localName) {
        for (Element child : parent.children()) {
            if (localName(child).equals(localName)) {
                // XML-parsed content: escaped HTML has become text, CDATA its literal content; keep markup
                // that was written unescaped so the normalizer can strip it the same way as Rome's output.
                String value = child.children().isEmpty() ? child.wholeText() : child.html();
                value = value.trim();
                return value.isEmpty() ? null : value;
            }
        }
        return null;
    }

    private static String localName(Element e) {
        String name = e.normalName();
        int colon = name.indexOf(':');
        return (colon >= 0 ? name.substring(colon + 1) : name).toLowerCase(Locale.ROOT);
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
