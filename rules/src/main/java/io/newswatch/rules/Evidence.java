package io.newswatch.rules;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;

/**
 * Turns the character ranges that made a query match into the evidence an analyst reads: the words
 * as they appear in the text ("Tomahawks", "sale"), in order of appearance, each once. Ranges that
 * touch or are separated only by spaces and hyphens (not line breaks) are joined, so a phrase reads as one item
 * ("arms sale") rather than as its words.
 */
final class Evidence {

    private Evidence() {
    }

    /** Evidence from Lucene's {@link Matches} of one document, down to the individual words. */
    public static List<String> fromMatches(Matches matches, String text) throws IOException {
        List<int[]> ranges = new ArrayList<>();
        for (String field : matches) {
            MatchesIterator it = matches.getMatches(field);
            if (it != null) {
                collect(it, ranges);
            }
        }
        return fromRanges(ranges, text);
    }

    private static void collect(MatchesIterator it, List<int[]> ranges) throws IOException {
        while (it.next()) {
            MatchesIterator sub = it.getSubMatches();
            if (sub != null) {
                collect(sub, ranges);
            } else if (it.startOffset() >= 0) {
                ranges.add(new int[] {it.startOffset(), it.endOffset()});
            }
        }
    }

    /** Evidence from {@code [start, end)} character ranges of the text. */
    public static List<String> fromRanges(List<int[]> ranges, String text) {
        if (ranges.isEmpty()) {
            return List.of();
        }
        List<int[]> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.<int[]>comparingInt(r -> r[0]).thenComparingInt(r -> r[1]));
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int start = sorted.get(0)[0];
        int end = sorted.get(0)[1];
        for (int i = 1; i < sorted.size(); i++) {
            int[] r = sorted.get(i);
            if (r[0] <= end || onlySeparators(text, end, r[0])) {
                end = Math.max(end, r[1]);
            } else {
                add(text, start, end, out, seen);
                start = r[0];
                end = r[1];
            }
        }
        add(text, start, end, out, seen);
        return out;
    }

    private static boolean onlySeparators(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            // Join words on one line; a line break (title / summary) separates evidence items.
            if (c == '\n' || c == '\r' || (!Character.isWhitespace(c) && c != '-')) {
                return false;
            }
        }
        return true;
    }

    private static void add(String text, int start, int end, List<String> out, Set<String> seen) {
        if (start < 0 || end > text.length() || start >= end) {
            return;
        }
        String item = text.substring(start, end).replaceAll("\\s+", " ");
        if (seen.add(item.toLowerCase(Locale.ROOT))) {
            out.add(item);
        }
    }
}
