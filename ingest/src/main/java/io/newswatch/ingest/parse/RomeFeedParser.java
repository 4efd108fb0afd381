package io.newswatch.ingest.parse;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.module.DCSubject;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.impl.Atom10Parser;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jdom2.Document;
import org.jdom2.Element;
import org.xml.sax.InputSource;

/**
 * The strict path: Rome's feed input (with its parser kept per thread, see {@link ReusableFeedInput})
 * over already repaired text, or over the document of a plain feed ({@link PlainXmlDocument}). Handles RSS 0.9x, 1.0, 2.0 and Atom 0.3,
 * 1.0 (Rome detects the type). DOCTYPEs stay refused (Rome's default,
 * {@code allowDoctypes=false}); Rome's own XML healer is off because {@link XmlRepair} has already
 * done that job, once, in a single pass.
 */
final class RomeFeedParser {

    static {
        // Rome keeps this switch global (static). Resolving Atom links against xml:base is correct for
        // every caller in this JVM, so turning it on once here is safe.
        Atom10Parser.setResolveURIs(true);
    }

    private RomeFeedParser() {
    }

    static ParsedFeed parse(Reader xml, String feedUrl, List<String> notes) throws FeedException {
        InputSource source = new InputSource(xml);
        if (feedUrl != null) {
            source.setSystemId(feedUrl);
        }
        return parsed(ReusableFeedInput.forThisThread().build(source), notes);
    }

    /** Rome over a document already built from a plain feed ({@link PlainXmlDocument}), dates already rewritten. */
    static ParsedFeed parse(Document document, List<String> notes) throws FeedException {
        return parsed(ReusableFeedInput.forThisThread().build(document), notes);
    }

    private static ParsedFeed parsed(SyndFeed feed, List<String> notes) {
        List<ParsedItem> items = new ArrayList<>(feed.getEntries().size());
        String feedXmlBase = feed.originalWireFeed() instanceof Feed atomFeed ? atomFeed.getXmlBase() : null;
        for (SyndEntry entry : feed.getEntries()) {
            items.add(item(entry, feedXmlBase));
        }
        return new ParsedFeed(feed.getTitle(), feed.getLink(), feed.getLanguage(), ttl(feed.originalWireFeed()), items, notes);
    }

    private static Duration ttl(WireFeed wire) {
        if (wire instanceof Channel channel && channel.getTtl() > 0) {
            return Duration.ofMinutes(channel.getTtl());
        }
        return null;
    }

    private static ParsedItem item(SyndEntry entry, String feedXmlBase) {
        String guid = null;
        Instant published = null;
        Instant updated = null;
        for (Element foreign : entry.getForeignMarkup()) {
            if (DateRewriter.NAMESPACE.equals(foreign.getNamespaceURI())) {
                Instant when = Instant.parse(foreign.getTextTrim());
                if (DateRewriter.isPublishDate(foreign.getName())) {
                    published = published == null ? when : published;
                } else {
                    updated = updated == null ? when : updated;
                }
            }
        }
        // Dates our parser could not read were left in place for Rome to try.
        if (published == null) {
            published = instant(entry.getPublishedDate());
        }
        if (updated == null) {
            updated = instant(entry.getUpdatedDate());
        }
        Object wire = entry.getWireEntry();
        String link = entry.getLink();
        if (wire instanceof Item item) {
            guid = item.getGuid() != null ? item.getGuid().getValue() : item.getUri(); // RSS 1.0: rdf:about
        } else if (wire instanceof Entry atom) {
            guid = atom.getId();
            link = repairRomeHostRelativeLink(link, atom.getXmlBase() != null ? atom.getXmlBase() : feedXmlBase);
        }
        String summary = entry.getDescription() == null ? null : entry.getDescription().getValue();
        String content = null;
        for (SyndContent c : entry.getContents()) {
            if (c.getValue() != null && !c.getValue().isBlank()) {
                content = c.getValue();
                break;
            }
        }
        Set<String> authors = new LinkedHashSet<>();
        for (SyndPerson person : entry.getAuthors()) {
            addIfPresent(authors, person.getName() != null ? person.getName() : person.getEmail());
        }
        if (authors.isEmpty()) {
            addIfPresent(authors, entry.getAuthor());
        }
        List<String> categories = new ArrayList<>();
        for (SyndCategory category : entry.getCategories()) {
            if (category.getName() != null && !category.getName().isBlank()) {
                categories.add(category.getName().trim());
            }
        }
        if (categories.isEmpty() && entry.getModule(DCModule.URI) instanceof DCModule dc) {
            for (DCSubject subject : dc.getSubjects()) { // RSS 1.0 carries categories as dc:subject
                if (subject.getValue() != null && !subject.getValue().isBlank()) {
                    categories.add(subject.getValue().trim());
                }
            }
        }
        return new ParsedItem(entry.getTitle(), summary, content, link, guid, List.copyOf(authors), categories,
                published, updated);
    }

    /**
     * Rome 2.1 turns a host-relative Atom link ("/world/x") into "null/world/x" when the feed's self link
     * sits at the site root (it cuts the base at a slash that is not there and joins null). The leading
     * "null" is always that artifact, never a real path: the host-relative link is resolved against the
     * entry's or feed's xml:base when there is one, else left for the normalizer to resolve against the
     * feed's own URL.
     */
    static String repairRomeHostRelativeLink(String link, String xmlBase) {
        if (link == null || !link.startsWith("null/")) {
            return link;
        }
        String hostRelative = link.substring("null".length());
        if (xmlBase != null && !xmlBase.isBlank()) {
            try {
                URI base = new URI(xmlBase.trim());
                if (base.isAbsolute()) {
                    return base.resolve(hostRelative).toString();
                }
            } catch (URISyntaxException | IllegalArgumentException e) {
                // An unusable xml:base: fall through to the feed's URL.
            }
        }
        return hostRelative;
    }

    private static void addIfPresent(Set<String> into, String value) {
        if (value != null && !value.isBlank()) {
            into.add(value.trim());
        }
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
