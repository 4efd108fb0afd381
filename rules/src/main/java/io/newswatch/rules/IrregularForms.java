package io.newswatch.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter.StemmerOverrideMap;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter;

/**
 * Inflected forms that a stemmer cannot relate to their base word (sold, struck, fled), mapped to
 * the base form. Applied at index and query time, so {@code sell} matches "sold" and "sale", and a
 * rule that says {@code sold} matches "sells" too.
 *
 * <p>Deliberately small and news-oriented. Left out on purpose: "met" (would turn "Met Police" and
 * "Met Office" into "meet"), "left" (political left), "lead" (the metal, "took the lead").
 */
final class IrregularForms {

    private static final Map<String, String> FORMS = build();

    private IrregularForms() {
    }

    /** The surface form -> base form map, lower case. */
    public static Map<String, String> map() {
        return FORMS;
    }

    /** The map in the form Lucene's {@link StemmerOverrideFilter} reads. */
    static StemmerOverrideMap overrideMap() {
        try {
            StemmerOverrideFilter.Builder builder = new StemmerOverrideFilter.Builder(false);
            FORMS.forEach(builder::add);
            return builder.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> build() {
        Map<String, String> m = new TreeMap<>();
        put(m, "sell", "sold", "sale", "sales");
        put(m, "buy", "bought");
        put(m, "strike", "struck", "stricken");
        put(m, "fight", "fought");
        put(m, "shoot", "shot");
        put(m, "hold", "held");
        put(m, "win", "won");
        put(m, "lose", "lost");
        put(m, "flee", "fled");
        put(m, "send", "sent");
        put(m, "speak", "spoke", "spoken");
        put(m, "begin", "began", "begun");
        put(m, "take", "took", "taken");
        put(m, "give", "gave", "given");
        put(m, "bring", "brought");
        put(m, "tell", "told");
        put(m, "say", "said");
        put(m, "fall", "fell", "fallen");
        put(m, "catch", "caught");
        put(m, "build", "built");
        put(m, "sink", "sank", "sunk");
        put(m, "swear", "swore", "sworn");
        put(m, "fly", "flew", "flown");
        put(m, "steal", "stole", "stolen");
        put(m, "seek", "sought");
        put(m, "freeze", "froze", "frozen");
        put(m, "break", "broke", "broken");
        put(m, "choose", "chose", "chosen");
        put(m, "write", "wrote", "written");
        put(m, "drive", "drove", "driven");
        put(m, "rise", "rose", "risen");
        put(m, "throw", "threw", "thrown");
        put(m, "overthrow", "overthrew", "overthrown");
        put(m, "withdraw", "withdrew", "withdrawn");
        put(m, "pay", "paid");
        put(m, "keep", "kept");
        put(m, "spend", "spent");
        put(m, "deal", "dealt");
        put(m, "hang", "hung");
        put(m, "shake", "shook", "shaken");
        put(m, "child", "children");
        put(m, "man", "men");
        put(m, "woman", "women");
        return Map.copyOf(m);
    }

    private static void put(Map<String, String> m, String base, String... forms) {
        for (String form : forms) {
            m.put(form, base);
        }
    }
}
