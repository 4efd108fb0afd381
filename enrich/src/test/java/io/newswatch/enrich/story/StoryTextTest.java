package io.newswatch.enrich.story;

import static org.assertj.core.api.Assertions.assertThat;

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
}
