package io.newswatch.rules.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * One analysed text as the positional engine reads it: for each index term, the word positions where
 * it occurs, and for each position the character range of the word in the text. The same analysis
 * as the Lucene index ({@link RuleAnalyzer#forIndex()}), so a base form and the word as written share
 * a position. Reused from text to text to keep allocation down; not thread-safe.
 */
final class TextPositions {

    private static final int[] NONE = new int[0];

    /** A growable list of ascending positions. */
    private static final class Positions {
        int[] values = new int[2];
        int size;

        void add(int position) {
            if (size > 0 && values[size - 1] == position) {
                return;
            }
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = position;
        }
    }

    private final Analyzer analyzer;
    private final Map<String, Positions> positions = new HashMap<>();
    /** Positions of the words starting with a prefix, computed once per text and prefix. */
    private final Map<String, int[]> prefixCache = new HashMap<>();
    private int[] startOffsets = new int[64];
    private int[] endOffsets = new int[64];
    private int length;

    TextPositions(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** Analyses the text, replacing what was there. */
    void analyse(String text) {
        positions.clear();
        prefixCache.clear();
        length = 0;
        int position = -1;
        try (TokenStream ts = analyzer.tokenStream(RuleAnalyzer.FIELD, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = ts.addAttribute(PositionIncrementAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                position += increment.getPositionIncrement();
                if (position >= startOffsets.length) {
                    startOffsets = Arrays.copyOf(startOffsets, startOffsets.length * 2);
                    endOffsets = Arrays.copyOf(endOffsets, endOffsets.length * 2);
                }
                startOffsets[position] = offset.startOffset();
                endOffsets[position] = offset.endOffset();
                length = position + 1;
                add(term.toString(), position);
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void add(String term, int position) {
        positions.computeIfAbsent(term, k -> new Positions()).add(position);
    }

    /** Positions of the term, ascending; empty when absent. Do not modify. */
    int[] positionsOf(String term) {
        Positions list = positions.get(term);
        if (list == null) {
            return NONE;
        }
        if (list.values.length != list.size) {
            list.values = Arrays.copyOf(list.values, list.size);
        }
        return list.values;
    }

    /** Positions of the words (as written or base forms) that start with the prefix, ascending, each once. */
    int[] positionsWithPrefix(String prefix) {
        int[] cached = prefixCache.get(prefix);
        if (cached != null) {
            return cached;
        }
        boolean[] seen = null;
        int count = 0;
        for (Map.Entry<String, Positions> e : positions.entrySet()) {
            if (e.getKey().startsWith(prefix)) {
                if (seen == null) {
                    seen = new boolean[length];
                }
                Positions list = e.getValue();
                for (int i = 0; i < list.size; i++) {
                    if (!seen[list.values[i]]) {
                        seen[list.values[i]] = true;
                        count++;
                    }
                }
            }
        }
        int[] out = new int[count];
        for (int i = 0, j = 0; seen != null && i < seen.length; i++) {
            if (seen[i]) {
                out[j++] = i;
            }
        }
        prefixCache.put(prefix, out);
        return out;
    }

    /** The distinct index terms of the text. */
    Set<String> terms() {
        return positions.keySet();
    }

    /** Number of word positions. */
    int length() {
        return length;
    }

    int startOffset(int position) {
        return startOffsets[position];
    }

    int endOffset(int position) {
        return endOffsets[position];
    }
}
