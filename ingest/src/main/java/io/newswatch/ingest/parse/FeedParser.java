package io.newswatch.ingest.parse;

import com.rometools.rome.io.FeedException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jdom2.Document;

/**
 * Bytes to {@link ParsedFeed}. A plain well-formed UTF-8 feed (most of them) goes to Rome as a document
 * built straight from its bytes ({@link PlainXmlDocument}). Any other takes the repairing path: decode
 * ({@link FeedTextDecoder}), repair the lexical layer ({@link XmlRepair}), make dates unambiguous
 * ({@link DateRewriter}), then parse strictly with Rome; when Rome refuses, recover what items can be
 * recovered with {@link LenientFeedParser} and say so in the feed's notes. Both paths give the same
 * result for a plain feed ({@code PlainXmlPathTest} holds them to it). Pure and thread-safe; the time limit is enforced cooperatively
 * through the
 * parser's input (see {@link DeadlineReader}) and, from outside, by {@link BoundedFeedParser}.
 */
public final class FeedParser {

    /**
     * The deepest element nesting either path parses strictly. Real feeds nest a dozen levels (XHTML in an
     * Atom entry perhaps thirty); a tree builder that checks ancestors on every add turns 100,000 levels
     * into minutes of CPU. Deeper documents go to the lenient recovery, whose parser is linear.
     */
    static final int MAX_ELEMENT_DEPTH = 256;

    private FeedParser() {
    }

    /**
     * @param body          the feed body, already size-capped and decompressed
     * @param httpCharset   charset from the HTTP Content-Type, or null (files)
     * @param feedUrl       the feed's URL, the base for relative links and the name in messages
     * @param deadlineNanos {@link System#nanoTime()} after which the parse gives up
     * @throws FeedParseException when no item can be recovered; the message names the cause
     */
    public static ParsedFeed parse(byte[] body, String httpCharset, String feedUrl, long deadlineNanos) throws FeedParseException {
        if (body.length == 0) {
            throw new FeedParseException("empty body");
        }
        if (PlainXmlDocument.suits(body, httpCharset)) {
            ParsedFeed plain = parsePlain(body, deadlineNanos);
            if (plain != null) {
                return plain;
            }
        }
        return parseRepairing(body, httpCharset, feedUrl, deadlineNanos);
    }

    /** The fast path, or null when the feed is not plain XML or Rome refuses it (the repairing path then decides). */
    private static ParsedFeed parsePlain(byte[] body, long deadlineNanos) throws FeedParseException {
        Document document;
        try {
            document = PlainXmlDocument.build(body, deadlineNanos);
        } catch (InterruptedIOException e) {
            throw new FeedParseException("parse abandoned: " + e.getMessage());
        }
        if (document == null) {
            return null;
        }
        try {
            return RomeFeedParser.parse(document, new ArrayList<>(2));
        } catch (FeedException | RuntimeException e) {
            return null; // well-formed but not a feed Rome takes: the repairing path recovers or explains
        }
    }

    static ParsedFeed parseRepairing(byte[] body, String httpCharset, String feedUrl, long deadlineNanos) throws FeedParseException {
        FeedTextDecoder.Decoded decoded = FeedTextDecoder.decode(body, httpCharset);
        List<String> notes = new ArrayList<>(2);
        if (decoded.note() != null) {
            notes.add("encoding: " + decoded.note());
        }
        String xml = DateRewriter.rewrite(XmlRepair.repair(decoded.text()));
        try {
            return RomeFeedParser.parse(new DeadlineReader(new StringReader(xml), deadlineNanos), feedUrl, notes);
        } catch (FeedException | RuntimeException e) { // Rome signals odd documents with runtime exceptions too
            abandonIfTimedOut(e, deadlineNanos);
            return recover(xml, feedUrl, notes, describe(e), deadlineNanos);
        }
    }

    private static ParsedFeed recover(String xml, String feedUrl, List<String> notes, String romeCause, long deadlineNanos)
            throws FeedParseException {
        String head = xml.substring(0, Math.min(xml.length(), 512)).toLowerCase(Locale.ROOT);
        if (head.contains("<html") || head.contains("<!doctype html")) {
            throw new FeedParseException("not a feed: the document is an HTML page (" + romeCause + ")");
        }
        ParsedFeed lenient;
        try {
            lenient = LenientFeedParser.parse(readAll(xml, deadlineNanos), feedUrl, notes);
        } catch (InterruptedIOException e) {
            throw new FeedParseException("parse abandoned: " + e.getMessage());
        }
        if (lenient.items().isEmpty()) {
            throw new FeedParseException("not a readable RSS/Atom feed: " + romeCause);
        }
        List<String> more = new ArrayList<>(lenient.notes());
        more.add("strict parse failed (" + romeCause + "); recovered " + lenient.items().size() + " items leniently");
        return new ParsedFeed(lenient.title(), lenient.link(), lenient.language(), lenient.ttl(), lenient.items(), more);
    }

    /** Reads the text through the deadline reader so a runaway recovery is abandoned too. */
    private static String readAll(String xml, long deadlineNanos) throws InterruptedIOException {
        // jsoup's tree builder takes a String here; the read is the cooperative checkpoint before it.
        try (DeadlineReader reader = new DeadlineReader(new StringReader(xml), deadlineNanos)) {
            StringBuilder out = new StringBuilder(xml.length());
            char[] buffer = new char[8192];
            int n;
            while ((n = reader.read(buffer, 0, buffer.length)) > 0) {
                out.append(buffer, 0, n);
            }
            return out.toString();
        } catch (InterruptedIOException e) {
            throw e;
        } catch (IOException e) {
            throw new IllegalStateException(e); // a StringReader does not fail otherwise
        }
    }

    private static void abandonIfTimedOut(Exception e, long deadlineNanos) throws FeedParseException {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InterruptedIOException) {
                throw new FeedParseException("parse abandoned: " + t.getMessage());
            }
        }
        if (System.nanoTime() - deadlineNanos > 0) {
            throw new FeedParseException("parse abandoned: ran past its time limit");
        }
    }

    private static String describe(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e.getCause() != null && e.getCause().getMessage() != null && !message.contains(e.getCause().getMessage())) {
            message = message + ": " + e.getCause().getMessage();
        }
        return message.replaceAll("\\s+", " ").trim();
    }
}
