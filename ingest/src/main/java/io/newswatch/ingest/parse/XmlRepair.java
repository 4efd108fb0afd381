package io.newswatch.ingest.parse;

import java.nio.charset.Charset;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Entities;

/**
 * Repairs the mistakes feeds make in XML's lexical layer, in one pass over the text, before an XML
 * parser sees it:
 * <ul>
 *   <li>anything before the first {@code <} (stray whitespace or a BOM after a transcoding) is dropped,
 *       since it makes the XML declaration illegal;</li>
 *   <li>HTML named entities XML does not know ({@code &nbsp;}, {@code &eacute;}) become numeric
 *       character references;</li>
 *   <li>bare ampersands ({@code AT&T}, {@code ?a=1&b=2}) become {@code &amp;};</li>
 *   <li>characters XML 1.0 forbids (most C0 controls) are removed;</li>
 *   <li>a DOCTYPE without an internal subset (the RSS 0.91 Netscape DTD) is removed so that nothing
 *       is ever fetched for it;</li>
 * </ul>
 * CDATA sections and comments are copied untouched. A DOCTYPE with an internal subset, or any
 * {@code <!ENTITY} declaration, is refused outright: it is how XXE and entity-expansion ("billion
 * laughs") attacks are built, and no honest feed needs one.
 */
public final class XmlRepair {

    private static final Set<String> XML_ENTITIES = Set.of("amp", "lt", "gt", "quot", "apos");
    private static final int MAX_ENTITY_NAME = 32;
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private XmlRepair() {
    }

    /**
     * The repaired text: the input itself when nothing needed repair (the usual case for a well-formed
     * feed), so a clean feed costs one scan and no copy. The copy starts at the first repair.
     */
    public static String repair(String text) throws RefusedFeedException {
        int start = text.indexOf('<');
        if (start < 0) {
            return text;
        }
        int n = text.length();
        StringBuilder out = null; // created at the first repair
        int copied = start; // text[start, copied) is in out, or is the clean prefix while out is null
        int i = start;
        while (i < n) {
            // Skip the run of ordinary characters; stop at anything that may need repair.
            char c = 0;
            while (i < n) {
                c = text.charAt(i);
                if (c == '<' || c == '&' || (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c >= 0xD800) {
                    break;
                }
                i++;
            }
            if (i >= n) {
                break;
            }
            if (c == '<') {
                if (i + 1 < n && text.charAt(i + 1) == '!') {
                    if (text.startsWith("<![CDATA[", i) || text.startsWith("<!--", i)) {
                        boolean cdata = text.charAt(i + 2) == '[';
                        int end = text.indexOf(cdata ? "]]>" : "-->", i + (cdata ? 9 : 4));
                        end = end < 0 ? n : end + 3;
                        if (!allXmlChars(text, i, end)) {
                            out = flush(out, text, copied, i);
                            appendXmlChars(out, text, i, end);
                            copied = end;
                        }
                        i = end;
                        continue;
                    }
                    if (regionMatchesIgnoreCase(text, i, "<!DOCTYPE")) {
                        out = flush(out, text, copied, i);
                        i = skipDoctype(text, i);
                        copied = i;
                        continue;
                    }
                    if (regionMatchesIgnoreCase(text, i, "<!ENTITY")) {
                        throw new RefusedFeedException("feed declares an XML entity (<!ENTITY): refused, entity declarations are "
                                + "how XXE and"
                                + " entity-expansion (billion laughs) attacks work");
                    }
                }
                i++;
            } else if (c == '&') {
                int end = endOfValidReference(text, i);
                if (end > 0) {
                    i = end; // a reference XML knows, kept as written
                } else {
                    out = flush(out, text, copied, i);
                    i = appendAmpersand(out, text, i);
                    copied = i;
                }
            } else if (isXmlChar(c)) {
                i++;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                i += 2;
            } else {
                out = flush(out, text, copied, i); // forbidden control character or lone surrogate: dropped
                i++;
                copied = i;
            }
        }
        if (out == null) {
            return start == 0 ? text : text.substring(start);
        }
        return out.append(text, copied, n).toString();
    }

    /** Appends the clean stretch {@code text[from, to)} to the output, creating it at the first repair. */
    private static StringBuilder flush(StringBuilder out, String text, int from, int to) {
        StringBuilder result = out != null ? out : new StringBuilder(text.length() + 64);
        return result.append(text, from, to);
    }

    /**
     * The end of the reference starting at {@code at} when XML accepts it as written (one of the five
     * predefined entities, or a numeric reference to an allowed character), else -1: then
     * {@link #appendAmpersand} rewrites it.
     */
    private static int endOfValidReference(String text, int at) {
        int n = text.length();
        int j = at + 1;
        if (j < n && text.charAt(j) == '#') {
            NumericReference ref = NumericReference.at(text, at);
            return ref != null && isXmlCodePoint(ref.code()) ? ref.end() : -1;
        }
        int k = j;
        while (k < n && k - j <= MAX_ENTITY_NAME && isNameChar(text.charAt(k), k == j)) {
            k++;
        }
        if (k > j && k < n && text.charAt(k) == ';' && isXmlEntity(text, j, k)) {
            return k + 1;
        }
        return -1;
    }

    private static boolean isXmlEntity(String text, int from, int to) {
        return switch (to - from) {
            case 2 -> text.startsWith("lt", from) || text.startsWith("gt", from);
            case 3 -> text.startsWith("amp", from);
            case 4 -> text.startsWith("quot", from) || text.startsWith("apos", from);
            default -> false;
        };
    }

    private static int skipDoctype(String text, int at) throws RefusedFeedException {
        int n = text.length();
        int quote = 0;
        for (int j = at + 9; j < n; j++) {
            char c = text.charAt(j);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '[') {
                throw new RefusedFeedException("feed declares a DTD with an internal subset: refused, entity declarations are how XXE"
                        + " and entity-expansion (billion laughs) attacks work");
            } else if (c == '>') {
                return j + 1;
            }
        }
        throw new RefusedFeedException("feed has an unterminated DOCTYPE declaration: refused");
    }

    private static int appendAmpersand(StringBuilder out, String text, int at) {
        int n = text.length();
        int j = at + 1;
        if (j < n && text.charAt(j) == '#') {
            NumericReference ref = NumericReference.at(text, at);
            if (ref != null) {
                int code = ref.code();
                if (isXmlCodePoint(code)) {
                    out.append(text, at, ref.end());
                } else if (code >= 0x80 && code <= 0x9F) {
                    // &#150; and friends: windows-1252 code points written as numeric references
                    out.append("&#").append((int) new String(new byte[] {(byte) code}, WINDOWS_1252).charAt(0)).append(';');
                }
                return ref.end(); // references to forbidden characters are dropped
            }
            out.append("&amp;");
            return at + 1;
        }
        int k = j;
        while (k < n && k - j <= MAX_ENTITY_NAME && isNameChar(text.charAt(k), k == j)) {
            k++;
        }
        if (k > j && k < n && text.charAt(k) == ';') {
            String name = text.substring(j, k);
            if (XML_ENTITIES.contains(name)) {
                out.append(text, at, k + 1);
                return k + 1;
            }
            String value = Entities.isNamedEntity(name) ? Entities.getByName(name) : null;
            if (value == null && !name.equals(name.toLowerCase(Locale.ROOT))) {
                String lower = name.toLowerCase(Locale.ROOT);
                value = Entities.isNamedEntity(lower) ? Entities.getByName(lower) : null;
            }
            if (value != null && !value.isEmpty()) {
                value.codePoints().forEach(cp -> out.append("&#").append(cp).append(';'));
                return k + 1;
            }
        }
        out.append("&amp;");
        return at + 1;
    }

    /**
     * A well-formed numeric character reference ({@code &#NNN;} or {@code &#xHHH;}, at most 8 digits) starting at an
     * ampersand: {@code end} is just past its semicolon, {@code code} its code point, or -1 when it does not fit an int.
     * Shared by {@link #endOfValidReference} (which only checks) and {@link #appendAmpersand} (which also rewrites).
     */
    private record NumericReference(int end, int code) {

        /** The reference at {@code ampersand} (followed by '#'), or null when it is not well-formed. */
        static NumericReference at(String text, int ampersand) {
            int n = text.length();
            int k = ampersand + 2;
            boolean hex = k < n && (text.charAt(k) == 'x' || text.charAt(k) == 'X');
            if (hex) {
                k++;
            }
            int digitsStart = k;
            while (k < n && k - digitsStart < 8 && (hex ? Character.digit(text.charAt(k), 16) >= 0 : Character.isDigit(text.charAt(k)))) {
                k++;
            }
            if (k == digitsStart || k >= n || text.charAt(k) != ';') {
                return null;
            }
            int code;
            try {
                code = Integer.parseInt(text, digitsStart, k, hex ? 16 : 10);
            } catch (NumberFormatException e) {
                code = -1;
            }
            return new NumericReference(k + 1, code);
        }
    }

    private static boolean isNameChar(char c, boolean first) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (!first && c >= '0' && c <= '9');
    }

    private static boolean allXmlChars(String text, int from, int to) {
        for (int k = from; k < to; k++) {
            char c = text.charAt(k);
            if (!isXmlChar(c) && !Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static void appendXmlChars(StringBuilder out, String text, int from, int to) {
        for (int k = from; k < to; k++) {
            char c = text.charAt(k);
            if (isXmlChar(c) || Character.isSurrogate(c)) {
                out.append(c);
            }
        }
    }

    private static boolean isXmlChar(char c) {
        return c >= 0x20 ? (c < 0xD800 || (c >= 0xE000 && c <= 0xFFFD)) : (c == '\t' || c == '\n' || c == '\r');
    }

    private static boolean isXmlCodePoint(int cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF && (cp < 0x80 || cp > 0x9F))
                || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
    }

    private static boolean regionMatchesIgnoreCase(String text, int at, String what) {
        return text.regionMatches(true, at, what, 0, what.length());
    }
}
