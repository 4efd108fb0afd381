package io.newswatch.ingest.normalize;

import java.util.Arrays;
import org.jsoup.nodes.CDataNode;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Tag;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The plain text of a jsoup element, exactly as jsoup's {@link Element#text()} gives it (jsoup 1.24:
 * whitespace runs collapsed to one space, a space at block and {@code <br>} boundaries, {@code <pre>}
 * and CDATA kept as written, zero-width space and soft hyphen dropped, the result trimmed), but built
 * a run of characters at a time.
 *
 * <p>Why: jsoup appends the text one code point at a time, which made {@code text()} cost twice as much
 * as parsing the HTML on a wire feed whose {@code content:encoded} carries whole articles.
 * {@code ElementTextTest} holds this to jsoup's own output on a corpus of awkward fragments, so a
 * jsoup upgrade that changes the rules is caught there.
 */
final class ElementText implements NodeVisitor {

    private static final char ZERO_WIDTH_SPACE = 0x200B;
    private static final char SOFT_HYPHEN = 0xAD;
    private static final char NO_BREAK_SPACE = 0xA0;
    private static final int PRESERVE_DEPTH = 6; // how far up jsoup looks for a <pre> ancestor

    private final StringBuilder out;
    private final IrregularPlaces irregular = new IrregularPlaces();

    private ElementText(int capacity) {
        out = new StringBuilder(capacity);
    }

    /** The same string as {@code root.text()}. */
    static String of(Element root) {
        return of(root, 256);
    }

    /**
     * The same string as {@code root.text()}, built in a buffer of {@code sourceLength} characters: the
     * length of the HTML it was parsed from, which its text never exceeds by much, so the buffer rarely grows.
     */
    static String of(Element root, int sourceLength) {
        ElementText text = new ElementText(Math.max(16, sourceLength));
        NodeTraversor.traverse(text, root);
        return text.out.toString().trim();
    }

    @Override
    public void head(Node node, int depth) {
        if (node instanceof TextNode textNode) {
            String text = textNode.getWholeText();
            if (node instanceof CDataNode || preservesWhitespace(textNode.parent())) {
                out.append(text);
            } else {
                appendNormalised(text);
            }
        } else if (node instanceof Element element && !out.isEmpty() && needsLeadingSeparator(element) && !endsWithSpace()) {
            out.append(' ');
        }
    }

    @Override
    public void tail(Node node, int depth) {
        if (node instanceof Element element && needsTrailingSeparator(element) && !endsWithSpace()) {
            Node next = node.nextSibling();
            if (next instanceof TextNode || (next instanceof Element sibling && sibling.tag().isInline())) {
                out.append(' ');
            }
        }
    }

    private static boolean needsLeadingSeparator(Element element) {
        return element.isBlock() || element.nameIs("br")
                || (element.tag().is(Tag.TextBoundary) && element.childNodeSize() > 0 && element.hasText());
    }

    private static boolean needsTrailingSeparator(Element element) {
        Tag tag = element.tag();
        return tag.is(Tag.TextBoundary) || !tag.isInline() || hasBlockChild(element);
    }

    private static boolean hasBlockChild(Element element) {
        for (int i = 0; i < element.childNodeSize(); i++) {
            if (element.childNode(i) instanceof Element child && child.isBlock()) {
                return true;
            }
        }
        return false;
    }

    private static boolean preservesWhitespace(Node parent) {
        Node node = parent;
        for (int depth = 0; depth < PRESERVE_DEPTH && node instanceof Element element; depth++) {
            if (element.tag().preserveWhitespace()) {
                return true;
            }
            node = element.parent();
        }
        return false;
    }

    private boolean endsWithSpace() {
        return !out.isEmpty() && out.charAt(out.length() - 1) == ' ';
    }

    /**
     * jsoup's whitespace normalisation: each run of whitespace (space, tab, CR, LF, FF, no-break space)
     * becomes one space, none when the text so far already ends with one; zero-width spaces and soft
     * hyphens vanish.
     *
     * <p>Written for speed, since on a wire feed this sees every character of every article body: the
     * text is cut at its irregular places (any whitespace but a single space, or a zero-width space or
     * soft hyphen), found with {@link String#indexOf}, which the JVM vectorizes; what lies between is
     * appended whole, and only the irregular runs are looked at a character at a time. A character loop
     * over the same text cost more than parsing the HTML (branch mispredictions at every space).
     */
    private void appendNormalised(String text) {
        int n = text.length();
        irregular.reset(text);
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (isWhitespace(c) || c == ZERO_WIDTH_SPACE || c == SOFT_HYPHEN) {
                boolean white = false;
                while (i < n && (isWhitespace(c = text.charAt(i)) || c == ZERO_WIDTH_SPACE || c == SOFT_HYPHEN)) {
                    white |= isWhitespace(c);
                    i++;
                }
                if (white && !endsWithSpace()) {
                    out.append(' ');
                }
            } else {
                int end = irregular.next(i); // > i: text[i] is visible
                out.append(text, i, end);
                i = end;
            }
        }
    }

    /**
     * Where the next irregular place of a text is: the nearest of the next occurrence of each irregular
     * character and of a double space, each found by {@code indexOf} and kept until passed, so the text
     * is scanned once per kind.
     */
    private static final class IrregularPlaces {
        private static final char[] CHARACTERS = {'\n', '\t', '\r', '\f', NO_BREAK_SPACE, SOFT_HYPHEN, ZERO_WIDTH_SPACE};
        private static final int NONE = Integer.MAX_VALUE;

        private final int[] next = new int[CHARACTERS.length + 1]; // the last one: a double space
        private String text;

        void reset(String text) {
            this.text = text;
            Arrays.fill(next, -1);
        }

        /** The first irregular place at or after {@code from}, or the text's length. */
        int next(int from) {
            int nearest = text.length();
            for (int k = 0; k < next.length; k++) {
                int at = next[k];
                if (at != NONE && at < from) {
                    at = k < CHARACTERS.length ? text.indexOf(CHARACTERS[k], from) : text.indexOf("  ", from);
                    at = at < 0 ? NONE : at;
                    next[k] = at;
                }
                nearest = Math.min(nearest, at);
            }
            return nearest;
        }
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == NO_BREAK_SPACE;
    }
}
