package io.newswatch.ingest.parse;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SAXBuilder;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.WireFeedInput;
import org.jdom2.Document;
import org.xml.sax.InputSource;

/**
 * Rome's feed input with its XML parser kept from one feed to the next, one per thread.
 *
 * <p>Why: Rome's {@link WireFeedInput} makes a new (JDOM) {@link SAXBuilder} for every feed, and with it
 * two Xerces parsers (one only to probe the security features), each with its own configuration and
 * symbol table. Here the builder Rome configures (DOCTYPEs disallowed, external entities and DTDs off,
 * entities not expanded) is made once and reused; JDOM's builder then keeps its parser between builds.
 * Everything else is Rome's own code path: {@link #build} does what {@link SyndFeedInput#build(InputSource)}
 * does.
 *
 * <p>A builder is dropped after a failed build (a parser is never reused in an unknown state) and after
 * {@value #MAX_REUSES} feeds, since a Xerces parser keeps every element name it has seen.
 */
final class ReusableFeedInput {

    static final int MAX_REUSES = 256;

    private static final String JDK_MAX_ELEMENT_DEPTH = "http://www.oracle.com/xml/jaxp/properties/maxElementDepth";

    private static final ThreadLocal<ReusableFeedInput> PER_THREAD = ThreadLocal.withInitial(ReusableFeedInput::new);

    private final CachingWireFeedInput input = new CachingWireFeedInput();

    private ReusableFeedInput() {
        input.setAllowDoctypes(false);
        input.setXmlHealerOn(false); // XmlRepair has done that job already, once
    }

    /** This thread's input. Not to be shared between threads (a SAX parser is not thread-safe). */
    static ReusableFeedInput forThisThread() {
        return PER_THREAD.get();
    }

    /** Rome's parse of the feed, the wire feed preserved (for RSS guid and ttl, and the Atom id). */
    SyndFeed build(InputSource source) throws FeedException {
        boolean built = false;
        try {
            SyndFeed feed = new SyndFeedImpl(input.build(source), true);
            built = true;
            return feed;
        } finally {
            input.release(built);
        }
    }

    /** Rome's parse of a document built elsewhere ({@link PlainXmlDocument}); no XML parser involved. */
    SyndFeed build(Document document) throws FeedException {
        return new SyndFeedImpl(input.build(document), true);
    }

    /** Hands Rome the same configured builder each time instead of a new one. */
    private static final class CachingWireFeedInput extends WireFeedInput {
        private SAXBuilder builder;
        private int uses;

        @Override
        protected SAXBuilder createSAXBuilder() {
            if (builder == null) {
                builder = super.createSAXBuilder();
                // The JDK's Xerces stops at this depth (JAXP00010006); see FeedParser.MAX_ELEMENT_DEPTH.
                builder.setProperty(JDK_MAX_ELEMENT_DEPTH, Integer.toString(FeedParser.MAX_ELEMENT_DEPTH));
                uses = 0;
            }
            uses++;
            return builder;
        }

        void release(boolean built) {
            if (!built || uses >= MAX_REUSES) {
                builder = null;
            }
        }
    }
}
