package io.newswatch.ingest.parse;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a feed's bytes into text, choosing the charset the way the real web needs rather than the way
 * the specifications hope: a byte-order mark wins; otherwise the charsets declared in the XML prolog and
 * in the HTTP {@code Content-Type} are tried in that order, and the first that decodes the bytes
 * cleanly is used. UTF-8 that is not valid UTF-8 (the classic windows-1252 feed served as UTF-8) is
 * decoded byte run by byte run, reading the invalid runs as windows-1252, so a mostly-UTF-8 feed with
 * a few stray bytes keeps its good text.
 *
 * <p>Labels are mapped to the supersets browsers use (ISO-8859-1 to windows-1252, GB2312 to GB18030,
 * Shift_JIS to windows-31j, EUC-KR to x-windows-949), since publishers routinely declare the subset.
 */
public final class FeedTextDecoder {

    /** The decoded text, the charset used, and a note when a fallback was needed (else null). */
    public record Decoded(String text, Charset charset, String note) {
    }

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final String REPLACEMENT = "\uFFFD";
    private static final Pattern XML_ENCODING = Pattern.compile("^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]{1,40})[\"']");
    private static final Map<String, String> SUPERSETS = Map.of(
            "iso-8859-1", "windows-1252", "latin1", "windows-1252", "us-ascii", "windows-1252", "ascii", "windows-1252",
            "gb2312", "GB18030", "gbk", "GB18030", "shift_jis", "windows-31j", "sjis", "windows-31j",
            "euc-kr", "x-windows-949", "big5", "Big5-HKSCS");

    private FeedTextDecoder() {
    }

    /**
     * @param bytes       the feed body (already decompressed)
     * @param httpCharset the charset parameter of the HTTP Content-Type, or null
     */
    public static Decoded decode(byte[] bytes, String httpCharset) {
        Charset bom = bomCharset(bytes);
        if (bom != null) {
            int skip = bomLength(bytes);
            return new Decoded(new String(bytes, skip, bytes.length - skip, bom), bom, null);
        }
        Charset utf16 = utf16WithoutBom(bytes);
        if (utf16 != null) {
            return new Decoded(new String(bytes, utf16), utf16, null);
        }
        List<String> notes = new ArrayList<>();
        Set<Charset> candidates = new LinkedHashSet<>();
        addCandidate(candidates, declaredInProlog(bytes), "XML declaration", notes);
        addCandidate(candidates, httpCharset, "HTTP Content-Type", notes);
        if (candidates.isEmpty()) {
            candidates.add(StandardCharsets.UTF_8); // XML's default
        }
        for (Charset charset : candidates) {
            String strict = decodeStrictly(bytes, charset);
            if (strict != null) {
                String note = notes.isEmpty() ? null : String.join("; ", notes);
                return new Decoded(strict, charset, note);
            }
            notes.add("bytes are not valid " + charset.name());
        }
        Charset first = candidates.iterator().next();
        if (first.equals(StandardCharsets.UTF_8) || candidates.contains(StandardCharsets.UTF_8)) {
            notes.add("invalid UTF-8 byte runs read as windows-1252");
            return new Decoded(decodeUtf8WithCp1252Fallback(bytes), StandardCharsets.UTF_8, String.join("; ", notes));
        }
        notes.add("undecodable bytes replaced");
        return new Decoded(new String(bytes, first), first, String.join("; ", notes));
    }

    /**
     * True when {@link #decode} would read these bytes as UTF-8 and nothing else: no byte-order mark
     * but UTF-8's, no UTF-16 byte pattern, and neither the XML declaration nor the HTTP header naming
     * another charset. For such a body an XML parser reading the bytes as UTF-8 sees exactly the text
     * {@code decode} would give, as long as the bytes are valid UTF-8 (which the parser checks).
     */
    public static boolean isUtf8Only(byte[] bytes, String httpCharset) {
        Charset bom = bomCharset(bytes);
        if (bom != null) {
            return bom.equals(StandardCharsets.UTF_8);
        }
        return utf16WithoutBom(bytes) == null && namesUtf8OrNothing(declaredInProlog(bytes)) && namesUtf8OrNothing(httpCharset);
    }

    private static boolean namesUtf8OrNothing(String label) {
        if (label == null || label.isBlank()) {
            return true;
        }
        try {
            return Charset.forName(label.trim()).equals(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false; // an unknown label: decode notes it, so the slow path must run
        }
    }

    private static void addCandidate(Set<Charset> candidates, String label, String where, List<String> notes) {
        if (label == null || label.isBlank()) {
            return;
        }
        String key = label.trim().toLowerCase(Locale.ROOT);
        String name = SUPERSETS.getOrDefault(key, label.trim());
        try {
            Charset charset = Charset.forName(name);
            if (charset.name().startsWith("UTF-16") || charset.name().startsWith("UTF-32")) {
                return; // a 16/32-bit declaration without a BOM or matching byte pattern is a lie
            }
            candidates.add(charset);
        } catch (IllegalArgumentException e) {
            notes.add("unknown charset '" + label + "' in " + where + " ignored");
        }
    }

    static String declaredInProlog(byte[] bytes) {
        int n = Math.min(bytes.length, 256);
        Matcher m = XML_ENCODING.matcher(new String(bytes, 0, n, StandardCharsets.ISO_8859_1));
        return m.find() ? m.group(1) : null;
    }

    private static Charset bomCharset(byte[] b) {
        if (b.length >= 4 && b[0] == 0 && b[1] == 0 && (b[2] & 0xFF) == 0xFE && (b[3] & 0xFF) == 0xFF) {
            return Charset.forName("UTF-32BE");
        }
        if (b.length >= 4 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE && b[2] == 0 && b[3] == 0) {
            return Charset.forName("UTF-32LE");
        }
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    private static int bomLength(byte[] b) {
        Charset c = bomCharset(b);
        if (c == null) {
            return 0;
        }
        return switch (c.name()) {
            case "UTF-32BE", "UTF-32LE" -> 4;
            case "UTF-8" -> 3;
            default -> 2;
        };
    }

    private static Charset utf16WithoutBom(byte[] b) {
        if (b.length >= 4 && b[0] == '<' && b[1] == 0 && b[2] == '?' && b[3] == 0) {
            return StandardCharsets.UTF_16LE;
        }
        if (b.length >= 4 && b[0] == 0 && b[1] == '<' && b[2] == 0 && b[3] == '?') {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    private static String decodeStrictly(byte[] bytes, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder();
        // Fast path: the String constructor decodes with the JDK's intrinsics (ASCII runs are copied in
        // bulk) and replaces malformed or unmappable input by the decoder's replacement, U+FFFD. Without
        // a U+FFFD in the result the bytes were clean, and the text is what the strict decoder would
        // give. With one, the strict decoder decides, since a feed may carry a U+FFFD of its own.
        if (REPLACEMENT.equals(decoder.replacement())) {
            String fast = new String(bytes, charset);
            if (fast.indexOf(REPLACEMENT.charAt(0)) < 0) {
                return fast;
            }
        }
        decoder.onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** UTF-8, except that each malformed byte is read as windows-1252 (the usual cause of bad UTF-8 in feeds). */
    static String decodeUtf8WithCp1252Fallback(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 16);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isUnderflow()) {
                decoder.flush(out);
                break;
            }
            if (result.isOverflow()) {
                CharBuffer bigger = CharBuffer.allocate(out.capacity() * 2);
                out.flip();
                bigger.put(out);
                out = bigger;
                continue;
            }
            int length = result.length();
            byte[] bad = new byte[length];
            in.get(bad);
            String replacement = new String(bad, WINDOWS_1252);
            if (out.remaining() < replacement.length()) {
                CharBuffer bigger = CharBuffer.allocate(out.capacity() * 2 + replacement.length());
                out.flip();
                bigger.put(out);
                out = bigger;
            }
            out.put(replacement);
            decoder.reset();
        }
        out.flip();
        return out.toString();
    }
}
