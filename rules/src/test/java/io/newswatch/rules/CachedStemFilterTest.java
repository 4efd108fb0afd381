package io.newswatch.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.KeywordRepeatFilter;
import org.apache.lucene.analysis.miscellaneous.RemoveDuplicatesTokenFilter;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("CachedStemFilter: the same tokens as Lucene's stemming filters, with base forms remembered")
class CachedStemFilterTest {

    private static final List<String> TEXTS = List.of(
            "Troops fled the city as rebels struck; the minister's aides said talks were failing.",
            "Élections présidentielles: Zürich's voters sold shares, bought bonds and held rallies.",
            "Protesters protested, protesting the protests. Strikes striking stricken strikers.",
            "Wildfires burn across Greece's islands; firefighters battle 40C heat, 1,200 evacuated.",
            "The U.S. and U.K. leaders spoke at the G7 summit in Hiroshima on May 19, 2023.",
            "running ran runs better best geese mice children's analyses crises data media",
            "",
            "   ",
            "It's the Fed's decision — rates rise 0.25% to 5.5%; markets fall, fell, fallen.",
            "Troops fled the city as rebels struck; the minister's aides said talks were failing.");

    /** The chains RuleAnalyzer used before the memo, built from Lucene's own filters. */
    private static Analyzer reference(boolean index) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                StandardTokenizer source = new StandardTokenizer();
                TokenStream stream = new LowerCaseFilter(new EnglishPossessiveFilter(source));
                stream = new ASCIIFoldingFilter(stream);
                if (index) {
                    stream = new KeywordRepeatFilter(stream);
                }
                stream = new KStemFilter(new StemmerOverrideFilter(stream, IrregularForms.overrideMap()));
                if (index) {
                    stream = new RemoveDuplicatesTokenFilter(stream);
                }
                return new TokenStreamComponents(source, stream);
            }
        };
    }

    private static List<String> tokens(Analyzer analyzer, String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(RuleAnalyzer.FIELD, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = ts.addAttribute(PositionIncrementAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            TypeAttribute type = ts.addAttribute(TypeAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term + " +" + increment.getPositionIncrement() + " " + offset.startOffset() + "-" + offset.endOffset() + " "
                        + type.type());
            }
            ts.end();
        }
        return out;
    }

    @Test
    void indexChainGivesTheWordAndItsBaseFormAsLuceneDoes() throws IOException {
        Analyzer cached = RuleAnalyzer.forIndex();
        Analyzer lucene = reference(true);
        // Twice over, over the process's table (other tests may have filled it; remembersThenReads shows both paths).
        for (int pass = 0; pass < 2; pass++) {
            for (String text : TEXTS) {
                assertThat(tokens(cached, text)).as(text).isEqualTo(tokens(lucene, text));
            }
        }
        assertThat(tokens(cached, "rebels fled")).containsExactly("rebels +1 0-6 <ALPHANUM>", "rebel +0 0-6 <ALPHANUM>",
                "fled +1 7-11 <ALPHANUM>", "flee +0 7-11 <ALPHANUM>");
    }

    /** The index chain of RuleAnalyzer over a table of base forms of its own. */
    private static Analyzer cachedIndex(BaseForms table) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                StandardTokenizer source = new StandardTokenizer();
                TokenStream stream = new ASCIIFoldingFilter(new LowerCaseFilter(new EnglishPossessiveFilter(source)));
                return new TokenStreamComponents(source, new CachedStemFilter(stream, IrregularForms.overrideMap(), true, table));
            }
        };
    }

    @Test
    @DisplayName("a first pass remembers each word's base form, a second reads them all from the table, both as Lucene gives them")
    void remembersThenReads() throws IOException {
        BaseForms table = new BaseForms(1 << 12);
        Analyzer cached = cachedIndex(table);
        Analyzer lucene = reference(true);
        for (String text : TEXTS) {
            assertThat(tokens(cached, text)).as(text).isEqualTo(tokens(lucene, text));
        }
        int remembered = table.size();
        assertThat(remembered).as("words remembered on the first pass").isPositive();
        for (String text : TEXTS) {
            assertThat(tokens(cached, text)).as(text).isEqualTo(tokens(lucene, text));
        }
        assertThat(table.size()).as("the second pass found every word in the table").isEqualTo(remembered);
    }

    @Test
    @DisplayName("four threads analysing at once over one table, reading and filling it, all get Lucene's tokens")
    void concurrentReadsAndWrites() throws Exception {
        BaseForms table = new BaseForms(1 << 12);
        Analyzer lucene = reference(true);
        List<List<String>> expected = new ArrayList<>();
        for (String text : TEXTS) {
            expected.add(tokens(lucene, text));
        }
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        for (int t = 0; t < 4; t++) {
            int offset = t;
            threads.add(Thread.ofPlatform().start(() -> {
                Analyzer cached = cachedIndex(table); // an analyzer per thread, as each stream task has its own
                try {
                    for (int round = 0; round < 50; round++) {
                        for (int i = 0; i < TEXTS.size(); i++) {
                            int k = (i + offset * 3 + round) % TEXTS.size();
                            assertThat(tokens(cached, TEXTS.get(k))).isEqualTo(expected.get(k));
                        }
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(failures).isEmpty();
        assertThat(table.size()).isPositive();
    }

    @Test
    void queryChainGivesTheBaseFormOnlyAsLuceneDoes() throws IOException {
        Analyzer cached = RuleAnalyzer.forQuery();
        Analyzer lucene = reference(false);
        for (int pass = 0; pass < 2; pass++) {
            for (String text : TEXTS) {
                assertThat(tokens(cached, text)).as(text).isEqualTo(tokens(lucene, text));
            }
        }
    }
}
