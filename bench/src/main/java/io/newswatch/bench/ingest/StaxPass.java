package io.newswatch.bench.ingest;

import com.fasterxml.aalto.stax.InputFactoryImpl;
import java.io.ByteArrayInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The baseline of the parse benchmarks: one plain StAX pass over a feed's bytes, every event pulled and
 * every text node read, nothing kept.
 *
 * <p>The factory is chosen explicitly, never through {@link XMLInputFactory#newInstance()}: with Aalto on
 * the classpath (the ingest path uses it) that call would return Aalto and silently move the baseline.
 * {@link #jdk()} (the JDK's built-in parser) is the baseline the 3x goal is measured against, as it was
 * before Aalto came in; {@link #aalto()} is reported beside it so the ratio to the fastest StAX parser
 * we know is on record too.
 */
final class StaxPass {

    private final XMLInputFactory factory;

    private StaxPass(XMLInputFactory factory) {
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        this.factory = factory;
    }

    /** The JDK's own StAX implementation. */
    static StaxPass jdk() {
        return new StaxPass(XMLInputFactory.newDefaultFactory());
    }

    /** Aalto, the StAX parser the ingest path builds its documents with. */
    static StaxPass aalto() {
        return new StaxPass(new InputFactoryImpl());
    }

    /** Pulls every event; returns the number of items and entries (so the work cannot be optimized away). */
    int run(byte[] feed) throws XMLStreamException {
        XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(feed));
        int items = 0;
        long chars = 0;
        try {
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = reader.getLocalName();
                    if (name.equals("item") || name.equals("entry")) {
                        items++;
                    }
                } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                    chars += reader.getText().length();
                }
            }
        } finally {
            reader.close();
        }
        return chars < 0 ? -1 : items;
    }
}
