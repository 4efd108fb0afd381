package io.newswatch.rules;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter.StemmerOverrideMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * The base form of each word (the irregular-form map, then KStem), remembered per word: news vocabulary repeats, and
 * KStem's dictionary lookups were the largest part of analysing a text (about a fifth of enrich's tagging and of the
 * alerts stage's query matching). A word's base form depends on the word alone, so the memo ({@link BaseForms}, one
 * for the process) changes nothing.
 *
 * <p>With {@code keepOriginal} it stands for Lucene's {@code KeywordRepeatFilter, StemmerOverrideFilter, KStemFilter,
 * RemoveDuplicatesTokenFilter}: the word as written, then its base form at the same position when that differs.
 * Without, for {@code StemmerOverrideFilter, KStemFilter}: the base form only. Misses are computed by those very
 * filters, on a one-word stream.
 *
 * <p>One instance per analysis chain, so per thread (Lucene reuses a chain within its thread only); the memo is shared.
 */
final class CachedStemFilter extends TokenFilter {

    private final boolean keepOriginal;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
    private final BaseForms baseForms;
    private final OneWord oneWord = new OneWord();
    private final TokenStream stemmer;
    /** The base form still to emit at the position of the word just emitted, or null. */
    private char[] pending;

    CachedStemFilter(TokenStream input, StemmerOverrideMap irregular, boolean keepOriginal) {
        this(input, irregular, keepOriginal, BaseForms.SHARED);
    }

    /** With a table of its own: for tests, which must see what is remembered. */
    CachedStemFilter(TokenStream input, StemmerOverrideMap irregular, boolean keepOriginal, BaseForms baseForms) {
        super(input);
        this.keepOriginal = keepOriginal;
        this.baseForms = baseForms;
        this.stemmer = new KStemFilter(new StemmerOverrideFilter(oneWord, irregular));
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (pending != null) {
            // The other attributes (offsets, type) are still the word's own: the base form shares them.
            term.copyBuffer(pending, 0, pending.length);
            increment.setPositionIncrement(0);
            pending = null;
            return true;
        }
        if (!input.incrementToken()) {
            return false;
        }
        char[] base = baseForm(term.buffer(), term.length());
        if (base != BaseForms.SAME) {
            if (keepOriginal) {
                pending = base;
            } else {
                term.copyBuffer(base, 0, base.length);
            }
        }
        return true;
    }

    private char[] baseForm(char[] buffer, int length) throws IOException {
        char[] known = baseForms.get(buffer, length);
        if (known != null) {
            return known;
        }
        oneWord.set(buffer, length);
        CharTermAttribute stemmed = stemmer.getAttribute(CharTermAttribute.class);
        stemmer.reset();
        if (!stemmer.incrementToken()) {
            throw new IllegalStateException("the stemmer dropped a word");
        }
        char[] base = stemmed.length() == length && Arrays.equals(stemmed.buffer(), 0, length, buffer, 0, length)
                ? BaseForms.SAME : Arrays.copyOf(stemmed.buffer(), stemmed.length());
        stemmer.end();
        stemmer.close();
        baseForms.put(Arrays.copyOf(buffer, length), base);
        return base;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pending = null;
    }

    /** A stream of one word, the one being looked up. */
    private static final class OneWord extends TokenStream {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private char[] word = new char[0];
        private int length;
        private boolean done;

        void set(char[] buffer, int len) {
            word = Arrays.copyOf(buffer, len);
            length = len;
            done = false;
        }

        @Override
        public boolean incrementToken() {
            if (done) {
                return false;
            }
            clearAttributes();
            term.copyBuffer(word, 0, length);
            done = true;
            return true;
        }
    }
}
