package io.newswatch.ingest.parse;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Set;
import org.jdom2.CDATA;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.Text;

/**
 * Takes date parsing away from Rome: every date element ({@code pubDate}, {@code dc:date},
 * {@code published}, {@code updated}, ...) that {@link FeedDates} can read is replaced, before Rome
 * parses the feed, by an element in our own namespace holding the instant in ISO-8601
 * ({@code <nwdate:pubDate xmlns:nwdate="urn:newswatch:feed-date">2025-10-16T08:30:00Z</nwdate:pubDate>}).
 * Rome keeps elements of unknown namespaces as the entry's foreign markup, where
 * {@link RomeFeedParser} reads them back.
 *
 * <p>Why: Rome's date parser knows a fixed list of masks and silently misreads some variants (a
 * two-digit year read as year 25 AD, microseconds read as milliseconds), and it is slow (a new
 * formatter and a failed parse per mask tried: on a 100-item wire feed it cost more than the rest of
 * Rome's work). {@link FeedDates} reads the real world's variants, once. Dates it cannot read are
 * left for Rome to try.
 *
 * <p>Two forms of the same rule: {@link #rewrite(String)} on the text of a feed that needed repair
 * (before Xerces reads it), {@link #rewrite(Document)} on the tree of a plain one ({@link PlainXmlDocument}).
 * The text form is a hand-written scan rather than a regular expression: it runs over every such feed
 * body, and a pattern with an optional namespace prefix backtracks at every {@code <}.
 */
final class DateRewriter {

    private static final String[] DATE_ELEMENTS = {"pubDate", "date", "published", "updated", "issued", "modified", "created",
            "lastBuildDate"};
    private static final Set<String> DATE_ELEMENT_NAMES = Set.of(DATE_ELEMENTS);
    private static final int MAX_DATE_CHARS = 80;

    /** The namespace of the rewritten date elements. */
    static final String NAMESPACE = "urn:newswatch:feed-date";
    private static final String PREFIX = "nwdate";
    private static final Namespace REWRITTEN = Namespace.getNamespace(PREFIX, NAMESPACE);

    /** Local names that carry a publish date; the others ({@code updated}, {@code modified}) carry an update date. */
    static boolean isPublishDate(String localName) {
        return switch (localName) {
            case "pubDate", "date", "published", "issued", "created" -> true;
            default -> false;
        };
    }

    private DateRewriter() {
    }

    /**
     * The tree form: each date element whose whole content is one plain text node (no CDATA, comment or
     * child element, as in the text form) of at most 80 characters that {@link FeedDates} reads is moved
     * to our namespace and given the instant as its text. Attributes are left alone; Rome ignores them.
     */
    static void rewrite(Document document) {
        // An explicit stack, not recursion: a hostile feed may nest elements far deeper than a thread's stack.
        ArrayDeque<Element> pending = new ArrayDeque<>();
        pending.push(document.getRootElement());
        while (!pending.isEmpty()) {
            Element element = pending.pop();
            int size = element.getContentSize();
            if (size == 1 && element.getContent(0) instanceof Text text && !(text instanceof CDATA)) {
                rewriteIfDate(element, text);
                continue;
            }
            // By index: JDOM's filtered child lists and descendant iterators cost more than the rewriting itself.
            for (int i = 0; i < size; i++) {
                if (element.getContent(i) instanceof Element child) {
                    pending.push(child);
                }
            }
        }
    }

    private static void rewriteIfDate(Element element, Text text) {
        String value = text.getText();
        if (value.length() <= MAX_DATE_CHARS && DATE_ELEMENT_NAMES.contains(element.getName())) {
            Instant when = FeedDates.parse(value);
            if (when != null) {
                element.setNamespace(REWRITTEN);
                text.setText(iso(when));
            }
        }
    }

    /** Milliseconds at most, as java.util.Date (Rome's type) holds. */
    private static String iso(Instant when) {
        return DateTimeFormatter.ISO_INSTANT.format(when.truncatedTo(ChronoUnit.MILLIS));
    }

    static String rewrite(String xml) {
        int n = xml.length();
        StringBuilder out = null;
        int copied = 0;
        int i = xml.indexOf('<');
        while (i >= 0 && i + 1 < n) {
            int nameStart = i + 1;
            int nameEnd = nameStart;
            int localStart = nameStart;
            while (nameEnd < n && isNameChar(xml.charAt(nameEnd))) {
                if (xml.charAt(nameEnd) == ':') {
                    localStart = nameEnd + 1;
                }
                nameEnd++;
            }
            if (nameEnd == nameStart || !isDateElement(xml, localStart, nameEnd)) {
                i = xml.indexOf('<', nameStart);
                continue;
            }
            int gt = xml.indexOf('>', nameEnd);
            if (gt < 0) {
                break;
            }
            int contentStart = gt + 1;
            int lt = xml.indexOf('<', contentStart);
            if (lt < 0) {
                break;
            }
            int nameLength = nameEnd - nameStart;
            boolean closes = xml.charAt(gt - 1) != '/' && lt - contentStart <= MAX_DATE_CHARS && lt + 2 + nameLength < n
                    && xml.charAt(lt + 1) == '/' && xml.regionMatches(lt + 2, xml, nameStart, nameLength)
                    && xml.charAt(lt + 2 + nameLength) == '>';
            if (closes) {
                Instant when = FeedDates.parse(xml.substring(contentStart, lt));
                if (when != null) {
                    if (out == null) {
                        out = new StringBuilder(n + n / 8 + 1024); // each rewritten date is about 50 characters longer
                    }
                    String local = xml.substring(localStart, nameEnd);
                    out.append(xml, copied, i).append('<').append(PREFIX).append(':').append(local).append(" xmlns:").append(PREFIX)
                            .append("=\"").append(NAMESPACE).append("\">")
                            .append(iso(when))
                            .append("</").append(PREFIX).append(':').append(local).append('>');
                    copied = lt + 3 + nameLength;
                    i = xml.indexOf('<', copied);
                    continue;
                }
            }
            i = lt;
        }
        if (out == null) {
            return xml;
        }
        out.append(xml, copied, n);
        return out.toString();
    }

    private static boolean isNameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ':' || c == '_' || c == '-' || c == '.';
    }

    private static boolean isDateElement(String name, int from, int to) {
        int length = to - from;
        for (String candidate : DATE_ELEMENTS) {
            if (candidate.length() == length && name.regionMatches(from, candidate, 0, length)) {
                return true;
            }
        }
        return false;
    }
}
