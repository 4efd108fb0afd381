package io.newswatch.ingest.parse;

import java.util.ArrayDeque;
import java.util.Set;
import org.jdom2.Document;
import org.jdom2.Element;

/**
 * Removes from a feed document, before Rome sees it, the elements Rome would only set aside as
 * "foreign markup": children of the feed, channel, item and entry elements in a namespace that no Rome
 * parser or module reads ({@code media:}, {@code itunes:}, {@code feedburner:}, an aggregator's own
 * annotations).
 *
 * <p>Why: Rome copies every such element twice (a deep clone into the wire feed, another into the
 * syndication feed), and newswatch reads none of them; on a wire feed with ten annotation elements per
 * item the copies cost a fifth of the whole parse. Only the children of those four containers are
 * looked at, never anything nested deeper, so XHTML inside an Atom {@code content} and every element Rome
 * does read stay exactly as they were.
 */
final class ForeignMarkup {

    /** Every namespace a Rome 2.1 parser or module reads, and ours (the rewritten dates). */
    private static final Set<String> READ_BY_ROME = Set.of(
            "",
            "http://backend.userland.com/rss2",
            "http://my.netscape.com/rdf/simple/0.9/",
            "http://purl.org/rss/1.0/",
            "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
            "http://www.w3.org/2005/Atom",
            "http://purl.org/atom/ns#",
            "http://purl.org/dc/elements/1.1/",
            "http://web.resource.org/rss/1.0/modules/dc/",
            "http://purl.org/rss/1.0/modules/content/",
            "http://purl.org/rss/1.0/modules/syndication/",
            "http://web.resource.org/rss/1.0/modules/syndication/",
            "http://purl.org/rss/1.0/modules/taxonomy/",
            DateRewriter.NAMESPACE);

    private static final Set<String> CONTAINERS = Set.of("rss", "RDF", "feed", "channel", "item", "entry");

    private ForeignMarkup() {
    }

    static void prune(Document document) {
        // An explicit stack, not recursion: a hostile feed may nest items far deeper than a thread's stack.
        ArrayDeque<Element> containers = new ArrayDeque<>();
        containers.push(document.getRootElement());
        while (!containers.isEmpty()) {
            Element container = containers.pop();
            if (!CONTAINERS.contains(container.getName()) || !READ_BY_ROME.contains(container.getNamespaceURI())) {
                continue;
            }
            for (int i = container.getContentSize() - 1; i >= 0; i--) {
                if (container.getContent(i) instanceof Element child) {
                    if (READ_BY_ROME.contains(child.getNamespaceURI())) {
                        containers.push(child);
                    } else {
                        container.removeContent(i);
                    }
                }
            }
        }
    }
}
