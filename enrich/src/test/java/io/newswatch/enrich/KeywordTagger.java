package io.newswatch.enrich;

import io.newswatch.core.TagMatch;
import io.newswatch.enrich.taxonomy.Tagger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A stand-in {@link Tagger} for tests of the stage around it: a tag when its keyword occurs in the text. */
public class KeywordTagger implements Tagger {

    private final Map<String, String> keywordByTag;
    private boolean closed;

    public KeywordTagger(Map<String, String> keywordByTag) {
        this.keywordByTag = keywordByTag;
    }

    public static KeywordTagger armsAndSummits() {
        return new KeywordTagger(Map.of("arms-transfer", "tomahawk", "summit", "meet"));
    }

    @Override
    public List<TagMatch> tag(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        List<TagMatch> tags = new ArrayList<>();
        keywordByTag.forEach((tag, keyword) -> {
            if (lower.contains(keyword)) {
                tags.add(new TagMatch(tag, tag, List.of(keyword)));
            }
        });
        tags.sort((a, b) -> a.id().compareTo(b.id()));
        return tags;
    }

    @Override
    public String version() {
        return "test-1";
    }

    @Override
    public void close() {
        closed = true;
    }

    public boolean closed() {
        return closed;
    }
}
