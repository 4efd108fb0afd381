package io.newswatch.enrich.story;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The id a story gets from its first article: {@code story-} and 16 hex digits of a SHA-256 of that
 * article's id. Short and URL-safe (article ids are often long URLs), and the same on every replay.
 */
public final class StoryIds {

    private StoryIds() {
    }

    public static String forFirstArticle(String articleId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(articleId.getBytes(StandardCharsets.UTF_8));
            return "story-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
