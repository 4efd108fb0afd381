package io.newswatch.rules;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter.StemmerOverrideMap;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The text analysis shared by rules and the texts they match: Unicode word splitting, possessive
 * {@code 's} removal, lower case, accent folding, then the irregular-form map and the KStem stemmer.
 *
 * <p>Three variants:
 * <ul>
 *   <li>{@link #forIndex()}: for the text being matched. Emits at each position both the unstemmed
 *       word and its base form, so a stemmed rule word and an unstemmed prefix both find it.</li>
 *   <li>{@link #forQuery()}: for rule words; base form only.</li>
 *   <li>{@link #forPrefix()}: for the stem of a {@code word*} prefix; no stemming, because
 *       "tomahaw" must stay a prefix of "tomahawks".</li>
 * </ul>
 * KStem rather than Porter: it is a light stemmer that keeps words readable and does not merge
 * "election" with "elect" or "general" with "generate".
 */
final class RuleAnalyzer extends Analyzer {

    /** The one field every text is indexed into. */
    public static final String FIELD = "text";

    private enum Mode { INDEX, QUERY, PREFIX }

    private static final StemmerOverrideMap IRREGULAR = IrregularForms.overrideMap();

    private final Mode mode;

    private RuleAnalyzer(Mode mode) {
        this.mode = mode;
    }

    public static RuleAnalyzer forIndex() {
        return new RuleAnalyzer(Mode.INDEX);
    }

    public static RuleAnalyzer forQuery() {
        return new RuleAnalyzer(Mode.QUERY);
    }

    public static RuleAnalyzer forPrefix() {
        return new RuleAnalyzer(Mode.PREFIX);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer source = new StandardTokenizer();
        TokenStream stream = new EnglishPossessiveFilter(source);
        stream = new LowerCaseFilter(stream);
        stream = new ASCIIFoldingFilter(stream);
        if (mode == Mode.PREFIX) {
            return new TokenStreamComponents(source, stream);
        }
        // INDEX: what KeywordRepeatFilter, StemmerOverrideFilter, KStemFilter and RemoveDuplicatesTokenFilter give in turn;
        // QUERY: StemmerOverrideFilter then KStemFilter. The same tokens, with each word's base form remembered.
        stream = new CachedStemFilter(stream, IRREGULAR, mode == Mode.INDEX);
        return new TokenStreamComponents(source, stream);
    }
}
