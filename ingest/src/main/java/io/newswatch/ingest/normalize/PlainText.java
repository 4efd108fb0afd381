package io.newswatch.ingest.normalize;

import org.jsoup.Jsoup;

/**
 * Feed text to plain text: HTML removed, entities decoded, whitespace collapsed. Titles and summaries
 * arrive with HTML (escaped or in CDATA), entities ({@code &amp;amp;} double-escaped by careless CMSs)
 * and runs of newlines; analysts and the tagger want the words.
 */
public final class PlainText {

    private PlainText() {
    }

    /** Plain text of a fragment, at most {@code maxChars} long (cut at a word boundary); "" for null. */
    public static String of(String fragment, int maxChars) {
        if (fragment == null || fragment.isEmpty()) {
            return "";
        }
        String text = fragment.indexOf('<') >= 0 || fragment.indexOf('&') >= 0
                ? ElementText.of(Jsoup.parseBodyFragment(fragment).body(), fragment.length())
                : collapseWhitespace(fragment);
        return truncate(text, maxChars);
    }

    static String collapseWhitespace(String s) {
        if (isCollapsed(s)) {
            return s; // the usual title: nothing to change, nothing to copy
        }
        StringBuilder out = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String truncate(String text, int maxChars) {
        if (text.length() <= maxChars) {
            return text;
        }
        int cut = text.lastIndexOf(' ', maxChars - 1);
        if (cut < maxChars / 2) {
            cut = maxChars - 1;
            // Never between the two halves of a surrogate pair: half a character is no text, and stores that encode
            // strings as UTF-8 would turn it into '?'.
            if (cut > 0 && Character.isHighSurrogate(text.charAt(cut - 1))) {
                cut--;
            }
        }
        return text.substring(0, cut) + "…";
    }

    /** True when collapsing would not change {@code s}: no whitespace at either end, none but single spaces inside. */
    private static boolean isCollapsed(String s) {
        int n = s.length();
        boolean previousSpace = true; // a leading space is a change
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == ' ') {
                if (previousSpace) {
                    return false;
                }
                previousSpace = true;
            } else if (c < ' ' || (c >= 0x80 && (Character.isWhitespace(c) || Character.isSpaceChar(c)))) {
                return false;
            } else {
                previousSpace = false;
            }
        }
        return !previousSpace || n == 0;
    }
}
