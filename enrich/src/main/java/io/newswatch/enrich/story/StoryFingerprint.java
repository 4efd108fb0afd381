package io.newswatch.enrich.story;

import io.newswatch.core.Article;
import java.util.List;
import java.util.OptionalLong;

/**
 * An article's SimHash over {@link StoryText} features, or none when the text is too short to compare:
 * with fewer than {@link #MIN_WORDS} words, unrelated headlines ("Live updates", "Weather") would collide.
 */
public final class StoryFingerprint {

    public static final int MIN_WORDS = 3;

    private StoryFingerprint() {
    }

    public static OptionalLong of(Article article) {
        return of(article.title(), article.summary());
    }

    public static OptionalLong of(String title, String summary) {
        List<String> words = StoryText.words(title, summary);
        if (words.size() < MIN_WORDS) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(SimHash.of(StoryText.features(words)));
    }
}
