package io.newswatch.ingest.parse;

import com.fasterxml.aalto.UncheckedStreamException;
import com.fasterxml.aalto.stax.InputFactoryImpl;
import java.io.ByteArrayInputStream;
import java.io.InterruptedIOException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;
import org.jdom2.Document;
import org.jdom2.JDOMException;
import org.jdom2.UncheckedJDOMFactory;
import org.jdom2.input.StAXStreamBuilder;

/**
 * The fast way into Rome for the usual feed, plain well-formed UTF-8 XML: the JDOM document Rome
 * parses, built straight from the feed's bytes by Aalto (a StAX parser) and JDOM's StAX builder, with
 * the dates taken over on the tree ({@link DateRewriter#rewrite(Document)}) and the elements nobody
 * reads removed ({@link ForeignMarkup}).
 *
 * <p>Why: the repairing path decodes the bytes to a {@code String}, scans it twice (lexical repair,
 * dates) and hands it to Xerces through SAX; on a well-formed feed none of that changes a character,
 * and it cost about as much as Rome's own work. Aalto reads and checks UTF-8 itself and tokenizes about
 * 1.7 times as fast as the JDK's StAX parser (docs/benchmarks/ingest.md). Rome still does all the feed parsing.
 *
 * <p>What "plain" means is whatever needs no repair: valid UTF-8 that nothing declares to be another
 * charset ({@link FeedTextDecoder#isUtf8Only}), no DOCTYPE, no entity but XML's five and numeric
 * references, no character XML forbids, tags that match. Anything else makes {@link #build} return null
 * and {@link FeedParser} takes the repairing path, which treats it exactly as before. Security holds on
 * both paths: here a DOCTYPE is never read past (the document is refused at its DTD event, before any
 * declaration could take effect) and Aalto expands no entity of a DTD at all.
 */
final class PlainXmlDocument {

    /** How many documents one factory parses before it is replaced (see {@link Factories}). */
    static final int MAX_FACTORY_USES = 256;

    /**
     * This thread's Aalto factory. Not one for the JVM: an Aalto factory keeps every element name it has
     * ever seen in a symbol table shared by its readers, with no bound, so a hostile feed inventing names
     * on every poll would grow it forever. Each parse thread keeps one for {@value #MAX_FACTORY_USES}
     * documents (names reused across feeds make parsing cheaper), then starts afresh.
     */
    private static final ThreadLocal<Factories> FACTORIES = ThreadLocal.withInitial(Factories::new);

    /**
     * JDOM's StAX builder with its unchecked factory: Aalto has already checked every name and character
     * (it is a conforming parser), so JDOM's second check of each would only cost time. Stateless, shared.
     */
    private static final StAXStreamBuilder BUILDER = builder();

    private PlainXmlDocument() {
    }

    /** Whether the bytes can be plain UTF-8 XML at all: the charset question, decided before parsing. */
    static boolean suits(byte[] body, String httpCharset) {
        return FeedTextDecoder.isUtf8Only(body, httpCharset);
    }

    /**
     * The document, its dates rewritten and its foreign markup pruned, or null when the bytes are not
     * plain XML (the repairing path then takes over).
     *
     * @throws InterruptedIOException when the deadline passed or the thread was interrupted while reading
     */
    static Document build(byte[] body, long deadlineNanos) throws InterruptedIOException {
        Document document;
        try {
            XMLStreamReader reader = new PlainEventsOnly(
                    FACTORIES.get().next().createXMLStreamReader(new DeadlineInputStream(new ByteArrayInputStream(body),
                            deadlineNanos), "UTF-8"));
            try {
                document = BUILDER.build(reader);
            } finally {
                reader.close();
            }
        } catch (XMLStreamException | JDOMException | UncheckedStreamException | IllegalArgumentException e) {
            // Aalto reports some errors from getText() as UncheckedStreamException; JDOM's checks throw IllegalArgumentExceptions.
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof InterruptedIOException timedOut) {
                    throw timedOut;
                }
            }
            return null; // not plain: the repairing path decides what it is
        }
        DateRewriter.rewrite(document);
        ForeignMarkup.prune(document);
        return document;
    }

    private static StAXStreamBuilder builder() {
        StAXStreamBuilder builder = new StAXStreamBuilder();
        builder.setFactory(new UncheckedJDOMFactory());
        return builder;
    }

    private static final class Factories {
        private XMLInputFactory factory;
        private int uses;

        XMLInputFactory next() {
            if (factory == null || uses >= MAX_FACTORY_USES) {
                factory = factory();
                uses = 0;
            }
            uses++;
            return factory;
        }
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = new InputFactoryImpl();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return factory;
    }

    /**
     * Stops at the first DOCTYPE or entity reference, and at nesting deeper than
     * {@link FeedParser#MAX_ELEMENT_DEPTH}: what the repairing path must judge, not this one. (JDOM checks
     * every added element against all its ancestors, so a hostile feed nested 100,000 deep would cost
     * minutes of CPU here; the repairing path caps Xerces at the same depth.)
     */
    private static final class PlainEventsOnly extends StreamReaderDelegate {
        private int depth;

        PlainEventsOnly(XMLStreamReader reader) {
            super(reader);
        }

        @Override
        public int next() throws XMLStreamException {
            int event = super.next();
            if (event == XMLStreamConstants.START_ELEMENT && ++depth > FeedParser.MAX_ELEMENT_DEPTH) {
                throw new XMLStreamException("not plain XML: elements nested deeper than " + FeedParser.MAX_ELEMENT_DEPTH);
            }
            if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
            if (event == XMLStreamConstants.DTD) {
                throw new XMLStreamException("not plain XML: DOCTYPE");
            }
            if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw new XMLStreamException("not plain XML: entity reference &" + getLocalName() + ";");
            }
            return event;
        }
    }
}
