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
 *       better). Namespaced by the link's host without {@code www.} ({@link LinkCanonicalizer#host}),
 *       because GUIDs like {@code 12345} are only unique within one publisher. That host was the source
 *       domain until the source domain became the registrable domain (issue 9); ids keep the host, so an
 *       article ingested or imported again gets the id it had, and dedup and idempotent import hold.</li>
 *   <li>{@code u-…}: the canonical link (tracking parameters and fragment removed).</li>
 *   <li>{@code h-…}: a hash of feed, title and publish date, for items with neither.</li>
 * </ol>
 * The key material is hashed (SHA-256, first 128 bits, hex) so ids are short, fixed-length and safe as
 * Kafka keys, file names and URL segments whatever the publisher wrote.
 */
public final class ArticleIds {

    private ArticleIds() {
    }

    /**
     * @param host the host of the article's link (else of the feed's site or URL) as {@link LinkCanonicalizer#host}
     *             gives it, or null: never the registrable domain, which would change existing ids
     */
    public static String of(String guid, String canonicalLink, String host, String feedUrl, String title, Instant published) {
        if (guid != null && !guid.isBlank() && !looksLikeLink(guid)) {
            return "g-" + hash((host == null ? "" : host) + "\n" + guid.trim());
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
