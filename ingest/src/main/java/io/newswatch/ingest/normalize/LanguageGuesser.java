package io.newswatch.ingest.normalize;

import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.CommonTextObjectFactories;
import com.optimaize.langdetect.text.TextObjectFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;

/**
 * An article's language as an ISO 639-1 code: the feed's declaration when it has one ({@code en-GB}
 * becomes {@code en}), else detected from the title and summary with the optimaize n-gram profiles, scored
 * by {@link NgramLanguageModel} (the profiles load once, lazily, on first use). Too little text or too little confidence
 * gives null: unknown is honest, a wrong guess is not.
 */
public final class LanguageGuesser {

    private static final int MIN_TEXT_CHARS = 40;
    private static final double MIN_PROBABILITY = 0.90;
    private static final int MAX_SAMPLE_CHARS = 160;

    private LanguageGuesser() {
    }

    /**
     * The declared language as ISO 639-1 ({@code en-GB} and {@code eng} give {@code en}), or null when the
     * declaration is absent or names no single language ({@code mul}, {@code und}).
     */
    public static String declared(String declared) {
        if (declared == null) {
            return null;
        }
        String tag = declared.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        int dash = tag.indexOf('-');
        String primary = dash >= 0 ? tag.substring(0, dash) : tag;
        if (primary.length() == 3) {
            primary = ISO3_TO_ISO1.get(primary); // "eng" -> "en"; "mul", "und", "zxx" name no language -> null
        }
        return primary != null && primary.length() == 2 && isAsciiLower(primary.charAt(0)) && isAsciiLower(primary.charAt(1))
                ? primary : null;
    }

    private static boolean isAsciiLower(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static final Map<String, String> ISO3_TO_ISO1 = iso3ToIso1();

    private static Map<String, String> iso3ToIso1() {
        Map<String, String> map = new HashMap<>();
        for (String two : Locale.getISOLanguages()) {
            try {
                map.put(Locale.of(two).getISO3Language(), two);
            } catch (MissingResourceException e) {
                // no three-letter code known for this language
            }
        }
        return Map.copyOf(map);
    }

    /**
     * The detected language of an article from its title and summary (joined as {@code "title. summary"}),
     * or null. Only the first {@value #MAX_SAMPLE_CHARS} characters are read, so the join is cut there
     * rather than built whole.
     */
    public static String detect(String title, String summary) {
        if (summary.isEmpty()) {
            return detect(title);
        }
        StringBuilder sample = new StringBuilder(MAX_SAMPLE_CHARS + 2)
                .append(title, 0, Math.min(title.length(), MAX_SAMPLE_CHARS))
                .append(". ");
        sample.append(summary, 0, Math.min(summary.length(), Math.max(0, MAX_SAMPLE_CHARS - sample.length())));
        sample.setLength(Math.min(sample.length(), MAX_SAMPLE_CHARS));
        return detect(sample.toString());
    }

    /** The detected language of a text, or null. */
    public static String detect(String text) {
        if (text == null || text.length() < MIN_TEXT_CHARS) {
            return null;
        }
        // A title and the start of a summary decide the language about as well as a whole article, at a
        // fraction of the cost (detection is otherwise the most expensive step of normalization).
        String sample = text.length() > MAX_SAMPLE_CHARS ? text.substring(0, MAX_SAMPLE_CHARS) : text;
        NgramLanguageModel.Guess guess = Detector.MODEL.mostLikely(Detector.TEXT.forText(sample));
        return guess == null || guess.probability() < MIN_PROBABILITY ? null : guess.language();
    }

    /** Holder idiom: the profiles (several MB) load on first detection, once, thread-safely. */
    private static final class Detector {
        // optimaize's text clean-up; its n-grams (1 to 3 characters, its standard filter and padding) scored by our model.
        static final TextObjectFactory TEXT = CommonTextObjectFactories.forDetectingShortCleanText();
        static final NgramLanguageModel MODEL = build();

        private static NgramLanguageModel build() {
            try {
                return NgramLanguageModel.of(new LanguageProfileReader().readAllBuiltIn());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot load the built-in language profiles", e);
            }
        }
    }
}
