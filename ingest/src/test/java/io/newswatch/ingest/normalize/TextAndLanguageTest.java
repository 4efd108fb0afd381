package io.newswatch.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TextAndLanguageTest {

    @Test
    @DisplayName("plain text: tags removed, entities decoded, whitespace collapsed, long text cut at a word")
    void plainText() {
        assertThat(PlainText.of("<p>A &amp; B</p>\n\n<p>  C&nbsp;D </p>", 100)).isEqualTo("A & B C D");
        assertThat(PlainText.of("  no   markup\there ", 100)).isEqualTo("no markup here");
        assertThat(PlainText.of("one two three four five six", 12)).isEqualTo("one two…");
        assertThat(PlainText.of(null, 10)).isEmpty();
        // No space to cut at, and the cut would fall inside an emoji (a surrogate pair): the whole emoji goes.
        assertThat(PlainText.of("abcdefgh\uD83D\uDE00ijklmnop", 10)).isEqualTo("abcdefgh…");
        assertThat(PlainText.of("abcdefg\uD83D\uDE00ijklmnop", 10)).isEqualTo("abcdefg\uD83D\uDE00…");
    }

    @Test
    @DisplayName("whitespace collapse: every run of Unicode whitespace or space characters becomes one space, none at the ends")
    void collapseWhitespaceOnRandomText() {
        String[] parts = {"word", "x", " ", "  ", "\t", "\n", "\u00a0", "\u3000", "\u2009", "\u0001", "é", "\u0085", "\u001f"};
        java.util.Random random = new java.util.Random(7);
        for (int round = 0; round < 5_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(8); i > 0; i--) {
                text.append(parts[random.nextInt(parts.length)]);
            }
            String s = text.toString();
            assertThat(PlainText.collapseWhitespace(s)).as("%s", s.codePoints().boxed().toList()).isEqualTo(referenceCollapse(s));
        }
    }

    /** The rule written plainly: split at runs of whitespace or space characters, join the words with one space. */
    private static String referenceCollapse(String s) {
        java.util.List<String> words = new java.util.ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                if (!word.isEmpty()) {
                    words.add(word.toString());
                    word.setLength(0);
                }
            } else {
                word.append(c);
            }
        }
        if (!word.isEmpty()) {
            words.add(word.toString());
        }
        return String.join(" ", words);
    }

    @Test
    @DisplayName("a declared language becomes ISO 639-1; 'mul' and junk mean undeclared")
    void declared() {
        assertThat(LanguageGuesser.declared("en-US")).isEqualTo("en");
        assertThat(LanguageGuesser.declared("fr_FR")).isEqualTo("fr");
        assertThat(LanguageGuesser.declared("eng")).isEqualTo("en");
        assertThat(LanguageGuesser.declared("mul")).isNull();
        assertThat(LanguageGuesser.declared("English")).isNull();
        assertThat(LanguageGuesser.declared(null)).isNull();
    }

    @Test
    @DisplayName("an undeclared language is detected from enough text, and left unknown for too little")
    void detect() {
        assertThat(LanguageGuesser.detect("Le président ukrainien doit rencontrer Donald Trump à la Maison Blanche vendredi pour"
                + " obtenir des missiles de croisière.")).isEqualTo("fr");
        assertThat(LanguageGuesser.detect("Ukraine's president is expected to urge Trump to approve the sale of long-range missiles."))
                .isEqualTo("en");
        assertThat(LanguageGuesser.detect("Tomahawk")).isNull();
    }

    @Test
    @DisplayName("headlines of neighbouring languages are told apart (where the detector before this one said 'en' or 'af')")
    void detectNeighbouringLanguages() {
        assertThat(LanguageGuesser.detect("De minister van Buitenlandse Zaken bezoekt volgende week de hoofdstad van Oekraïne"))
                .isEqualTo("nl");
        assertThat(LanguageGuesser.detect("Der Außenminister reist nächste Woche zu Gesprächen über Waffenlieferungen nach Kiew"))
                .isEqualTo("de");
        assertThat(LanguageGuesser.detect("Il ministro degli Esteri andrà a Kiev la prossima settimana per parlare di armi"))
                .isEqualTo("it");
        assertThat(LanguageGuesser.detect("Министр иностранных дел на следующей неделе посетит Киев для переговоров"))
                .isEqualTo("ru");
    }

    @Test
    @DisplayName("detection from title and summary reads the same 160 characters as the joined text would give")
    void detectFromTitleAndSummary() {
        String french = "Le président ukrainien doit rencontrer Donald Trump à la Maison Blanche vendredi pour obtenir des missiles. ";
        String english = "Ukraine's president is expected to urge Trump to approve the sale of long-range missiles. ";
        for (String title : new String[] {"", "Kyiv", french, english.repeat(2).substring(0, 158), english.repeat(2).substring(0, 159),
                english.repeat(3)}) {
            for (String summary : new String[] {"", "Tomahawk", french.repeat(40), english.repeat(40)}) {
                String joined = summary.isEmpty() ? title : title + ". " + summary;
                assertThat(LanguageGuesser.detect(title, summary)).as("title %s, summary %s", title, summary)
                        .isEqualTo(LanguageGuesser.detect(joined));
            }
        }
    }
}
