package io.newswatch.enrich.entities;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A text cut into word tokens, each with its position in the text, its normalised key and its case shape.
 *
 * <p>A token is a run of letters and digits; everything else separates tokens. That one rule is what makes
 * "Putin's" match "Putin", "U.S.-Ukraine" give "U", "S" and "Ukraine", and "F-16" equal "F 16" in both
 * the gazetteer and the text. Keys are lower-cased with accents removed, so "Orbán" is "orban".
 */
public final class TextTokens {

    /** How a token is written, which is what the case rules of {@link SurfaceForm} test. */
    public enum Shape {
        /** Every letter upper case ("US", "NATO", "F"); digits allowed ("G7"). */
        UPPER,
        /** First character upper case, not all letters upper ("Putin", "MiG"). */
        CAPITALIZED,
        /** Anything else ("us", "von", "16"). */
        OTHER
    }

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

    private final String text;
    private final int[] starts;
    private final int[] ends;
    private final String[] keys;
    private final Shape[] shapes;
    private final int size;

    private TextTokens(String text, int[] starts, int[] ends, String[] keys, Shape[] shapes, int size) {
        this.text = text;
        this.starts = starts;
        this.ends = ends;
        this.keys = keys;
        this.shapes = shapes;
        this.size = size;
    }

    public static TextTokens of(String text) {
        int capacity = Math.max(8, text.length() / 5);
        int[] starts = new int[capacity];
        int[] ends = new int[capacity];
        int n = 0;
        int i = 0;
        int length = text.length();
        while (i < length) {
            while (i < length && !isTokenChar(text.charAt(i))) {
                i++;
            }
            if (i >= length) {
                break;
            }
            int start = i;
            while (i < length && isTokenChar(text.charAt(i))) {
                i++;
            }
            if (n == starts.length) {
                starts = Arrays.copyOf(starts, n * 2);
                ends = Arrays.copyOf(ends, n * 2);
            }
            starts[n] = start;
            ends[n] = i;
            n++;
        }
        String[] keys = new String[n];
        Shape[] shapes = new Shape[n];
        for (int t = 0; t < n; t++) {
            String raw = text.substring(starts[t], ends[t]);
            keys[t] = normalize(raw);
            shapes[t] = shapeOf(raw);
        }
        return new TextTokens(text, starts, ends, keys, shapes, n);
    }

    private static boolean isTokenChar(char c) {
        // Combining marks belong to the letter before them (text in decomposed form).
        return Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK;
    }

    /** Lower case, accents removed, a few letters that do not decompose mapped by hand. */
    static String normalize(String token) {
        boolean ascii = true;
        for (int i = 0; i < token.length() && ascii; i++) {
            ascii = token.charAt(i) < 128;
        }
        if (ascii) {
            return token.toLowerCase(Locale.ROOT);
        }
        String stripped = COMBINING_MARKS.matcher(Normalizer.normalize(token, Normalizer.Form.NFD)).replaceAll("");
        StringBuilder out = new StringBuilder(stripped.length());
        for (int i = 0; i < stripped.length(); i++) {
            char c = Character.toLowerCase(stripped.charAt(i));
            switch (c) {
                case 'ı' -> out.append('i');
                case 'ł' -> out.append('l');
                case 'ø' -> out.append('o');
                case 'đ' -> out.append('d');
                case 'ß' -> out.append("ss");
                case 'æ' -> out.append("ae");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static Shape shapeOf(String token) {
        boolean hasLetter = false;
        boolean allUpper = true;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (Character.isLetter(c)) {
                hasLetter = true;
                if (!Character.isUpperCase(c)) {
                    allUpper = false;
                }
            }
        }
        if (hasLetter && allUpper) {
            return Shape.UPPER;
        }
        return Character.isUpperCase(token.charAt(0)) ? Shape.CAPITALIZED : Shape.OTHER;
    }

    public int size() {
        return size;
    }

    public String key(int i) {
        return keys[i];
    }

    public Shape shape(int i) {
        return shapes[i];
    }

    public int start(int i) {
        return starts[i];
    }

    public int end(int i) {
        return ends[i];
    }

    /** The original text from the start of token {@code first} to the end of token {@code last}. */
    public String span(int first, int last) {
        return text.substring(starts[first], ends[last]);
    }

    public String text() {
        return text;
    }
}
