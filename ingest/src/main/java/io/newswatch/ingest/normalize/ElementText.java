package io.newswatch.ingest.normalize;

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

    private final StringBuilder out = new StringBuilder(256);
    private char[] scratch = new char[1024];

    private ElementText() {
    }

    /** The same string as {@code root.text()}. */
    static String of(Element root) {
        ElementText text = new ElementText();
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
                appendNormalised(text, endsWithSpace());
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
     * becomes one space, none at the start when {@code stripLeading} and nothing was written yet;
     * zero-width spaces and soft hyphens vanish.
     *
     * <p>The text is copied into a reused array and compacted there in one pass (a read and at most one
     * write per character, the common character settled by two comparisons), then appended at once: on
     * a wire feed this loop sees every character of every article body.
     */
    private void appendNormalised(String text, boolean stripLeading) {
        int n = text.length();
        if (scratch.length < n) {
            scratch = new char[Math.max(n, scratch.length * 2)];
        }
        char[] chars = scratch;
        text.getChars(0, n, chars, 0);
        int written = 0;
        boolean lastWasWhite = false;
        boolean skipWhite = stripLeading; // until the first visible character
        for (int read = 0; read < n; read++) {
            char c = chars[read];
            if (c > ' ' && (c < NO_BREAK_SPACE || (c != NO_BREAK_SPACE && c != SOFT_HYPHEN && c != ZERO_WIDTH_SPACE))) {
                chars[written++] = c;
                lastWasWhite = false;
                skipWhite = false;
            } else if (isWhitespace(c)) {
                if (!skipWhite && !lastWasWhite) {
                    chars[written++] = ' ';
                    lastWasWhite = true;
                }
            } else if (c != SOFT_HYPHEN && c != ZERO_WIDTH_SPACE) {
                chars[written++] = c; // a control character: jsoup keeps it
                lastWasWhite = false;
                skipWhite = false;
            }
        }
        out.append(chars, 0, written);
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == NO_BREAK_SPACE;
    }
}
