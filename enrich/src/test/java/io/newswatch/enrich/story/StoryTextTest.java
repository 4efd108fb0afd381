package io.newswatch.enrich.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StoryTextTest {

    @Test
    @DisplayName("rubrics in front of a title are removed")
    void rubrics() {
        assertThat(StoryText.cleanTitle("Opinion | Europe must pay for its own defence")).isEqualTo("Europe must pay for its own defence");
        assertThat(StoryText.cleanTitle("LIVE: Ukraine war latest")).isEqualTo("Ukraine war latest");
        assertThat(StoryText.cleanTitle("Analysis - Exclusive: Kremlin weighs offer")).isEqualTo("Kremlin weighs offer");
    }

    @Test
    @DisplayName("an outlet's name after a dash or bar is removed, but a short title keeps its tail")
    void sourceSuffixes() {
        assertThat(StoryText.cleanTitle("Putin urges Trump not to send Tomahawks - Reuters")).isEqualTo("Putin urges Trump not to send Tomahawks");
        assertThat(StoryText.cleanTitle("Ceasefire talks resume in Cairo | The Guardian")).isEqualTo("Ceasefire talks resume in Cairo");
        assertThat(StoryText.cleanTitle("Gaza — live")).isEqualTo("Gaza — live");
    }

    @Test
    @DisplayName("words are folded, stop words dropped and endings cut, so tense and number do not matter")
    void words() {
        assertThat(StoryText.words("Putin URGES Trump", "Zelensky urged the Élysée"))
                .containsExactly("putin", "urg", "trump", "zelensky", "urg", "elysee");
    }

    @Test
    @DisplayName("features are the words and the pairs of neighbouring words")
    void features() {
        assertThat(StoryText.features(java.util.List.of("a", "b", "c"))).containsExactly("a", "b", "c", "a b", "b c");
    }

    @Test
    @DisplayName("plain texts (ASCII, curly quotes, dashes) take a fast path that gives exactly the words of the full folding")
    void plainPathAgrees() throws Exception {
        List<String> texts = new ArrayList<>(List.of("Putin\u2019s \u201cfinal\u201d offer \u2014 U.S.-Ukraine talks\u2026",
                "F-16s and 2,000 HIMARS\u00a0rockets", "  ", "A", "x\u2009y\u200bz", "Ends with a digit 9"));
        for (String file : List.of("/labelled/headlines.jsonl", "/labelled/holdout.jsonl")) {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(StoryTextTest.class.getResourceAsStream(file),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    texts.add(line); // the raw JSON line: titles, summaries, quotes and escapes all at once
                }
            }
        }
        int plain = 0;
        for (String text : texts) {
            if (StoryText.isPlain(text)) {
                plain++;
                assertThat(StoryText.words(text, null)).as(text).isEqualTo(fullFolding(text));
            }
        }
        assertThat(plain).as("most texts take the fast path").isGreaterThan(texts.size() / 2);
    }

    /** The full folding, as words() did it before the fast path. */
    private static List<String> fullFolding(String title) {
        String text = StoryText.cleanTitle(title) + " ";
        String folded = Pattern.compile("\\p{M}+").matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("")
                .toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        for (String w : folded.split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty() && !List.of("a", "an", "the", "of", "to", "in", "s", "and", "for", "on", "is", "at", "with", "as", "by",
                    "be", "been", "but", "from", "had", "has", "have", "he", "her", "his", "into", "it", "its", "or", "says", "said",
                    "she", "that", "their", "they", "this", "was", "were", "will", "would", "after", "over", "about", "new", "more",
                    "than", "who", "what", "are").contains(w)) {
                words.add(StoryText.stem(w));
            }
        }
        return words;
    }

    @Test
    @DisplayName("rubrics in any case, after any spaces, one after another, come off; words that only begin like one stay")
    void rubricsOfEveryKind() {
        assertThat(StoryText.cleanTitle("\tBREAKING NEWS | Fact check: In Pictures - Flood waters rise")).isEqualTo("Flood waters rise");
        assertThat(StoryText.cleanTitle("updated: live updates — Storm nears the coast")).isEqualTo("Storm nears the coast");
        assertThat(StoryText.cleanTitle("Watchdog fines bank - Reuters")).isEqualTo("Watchdog fines bank");
        assertThat(StoryText.cleanTitle("Livestock prices fall: farmers worry")).isEqualTo("Livestock prices fall: farmers worry");
        assertThat(StoryText.cleanTitle("Video shows the rescue")).isEqualTo("Video shows the rescue");
    }

    @Test
    @DisplayName("the source suffix is found where the pattern searched from every position finds it, on awkward titles")
    void sourceSuffixAsThePatternFindsIt() {
        Pattern suffix = Pattern.compile("\\s+[|\\-–—]\\s+[\\p{L}\\p{N}.&' ]{2,40}$");
        List<String> titles = new ArrayList<>(List.of("A - B - Reuters", "COVID-19 cases rise - AP", "COVID-19 cases rise -AP",
                "Tail too long - " + "x".repeat(41), "Tab\t|\tThe Guardian", "- Reuters", " - Reuters", "Storm — live", "x-y",
                "News | ", "Peace talks –  BBC News", "Rates up | 10-year yields", "Rates up | Yields 10", ""));
        Random random = new Random(7);
        String alphabet = "ab 1.&'|-–—\t:";
        for (int n = 0; n < 20_000; n++) {
            StringBuilder title = new StringBuilder();
            for (int i = random.nextInt(30); i > 0; i--) {
                title.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            titles.add(title.toString());
        }
        for (String title : titles) {
            assertThat(StoryText.withoutSourceSuffix(title)).as(title).isEqualTo(suffix.matcher(title).replaceFirst(""));
        }
    }
}
