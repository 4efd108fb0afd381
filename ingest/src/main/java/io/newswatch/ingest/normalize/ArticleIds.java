package io.newswatch.ingest.normalize;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Stable article ids (see DESIGN.md): the same story gets the same id across polls, restarts and feeds.
 * <ol>
 *   <li>{@code g-…}: the GUID, when it is a real identifier (not a URL: a GUID that is a bare link is
 *       just a link, often with tracking parameters, and the canonical link identifies the story
 *       better). Namespaced by the source domain, because GUIDs like {@code 12345} are only unique
 *       within one publisher.</li>
 *   <li>{@code u-…}: the canonical link (tracking parameters and fragment removed).</li>
 *   <li>{@code h-…}: a hash of feed, title and publish date, for items with neither.</li>
 * </ol>
 * The key material is hashed (SHA-256, first 128 bits, hex) so ids are short, fixed-length and safe as
 * Kafka keys, file names and URL segments whatever the publisher wrote.
 */
public final class ArticleIds {

    private ArticleIds() {
    }

    public static String of(String guid, String canonicalLink, String sourceDomain, String feedUrl, String title, Instant published) {
        if (guid != null && !guid.isBlank() && !looksLikeLink(guid)) {
            return "g-" + hash((sourceDomain == null ? "" : sourceDomain) + "\n" + guid.trim());
        }
        if (canonicalLink != null) {
            return "u-" + hash(canonicalLink);
        }
        if (guid != null && !guid.isBlank()) {
            String guidLink = LinkCanonicalizer.canonical(guid.trim());
            return "u-" + hash(guidLink);
        }
        return "h-" + hash(feedUrl + "\n" + (title == null ? "" : title) + "\n" + (published == null ? "" : published.toString()));
    }

    static boolean looksLikeLink(String guid) {
        String g = guid.trim();
        return g.regionMatches(true, 0, "http://", 0, 7) || g.regionMatches(true, 0, "https://", 0, 8);
    }

    static String hash(String material) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(material.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
