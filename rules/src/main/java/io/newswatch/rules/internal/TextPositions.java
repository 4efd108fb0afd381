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

    private final Analyzer analyzer;
    private final Map<String, int[]> positions = new HashMap<>();
    /** Per term, how many entries of its array in {@link #positions} are used. */
    private final Map<String, Integer> counts = new HashMap<>();
    private int[] startOffsets = new int[64];
    private int[] endOffsets = new int[64];
    private int length;

    TextPositions(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** Analyses the text, replacing what was there. */
    void analyse(String text) {
        positions.clear();
        counts.clear();
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
        int[] list = positions.get(term);
        int used = list == null ? 0 : counts.get(term);
        if (list == null) {
            list = new int[4];
            positions.put(term, list);
        } else if (used == list.length) {
            list = Arrays.copyOf(list, used * 2);
            positions.put(term, list);
        }
        if (used > 0 && list[used - 1] == position) {
            return;
        }
        list[used] = position;
        counts.put(term, used + 1);
    }

    /** Positions of the term, ascending; empty when absent. */
    int[] positionsOf(String term) {
        int[] list = positions.get(term);
        return list == null ? NONE : Arrays.copyOf(list, counts.get(term));
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
