package io.newswatch.enrich.dedup;

import io.newswatch.core.Article;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The keys under which an article counts as "already seen": its id, its canonical link and its GUID.
 *
 * <p>An outlet that re-posts a story under a new URL often keeps the canonical link or the GUID, so the
 * id (derived from the new URL) differs but one of the other keys repeats. A link to a site's home page is
 * not used (some feeds link every item there). A GUID is only trusted across
 * feeds when it looks globally unique (a URL, a URN or tag URI, or a long opaque token); a short GUID such
 * as "12345" is scoped to its feed, because two feeds can both number their items from 1.
 */
public final class DuplicateKeys {

    private static final Pattern GLOBAL_GUID = Pattern.compile("(?i)^([a-z][a-z0-9+.-]*:.+|[A-Za-z0-9_-]{24,})$");

    private static final Pattern HOME_PAGE = Pattern.compile("(?i)^[a-z][a-z0-9+.-]*://[^/?#]+/?$");

    private DuplicateKeys() {
    }

    /**
     * Some feeds link every item to the site's home page; such a link says nothing about which article it
     * is, and as a key it would drop every item after the first.
     */
    static boolean isHomePage(String link) {
        return HOME_PAGE.matcher(link).matches();
    }

    public static List<String> of(Article article) {
        List<String> keys = new ArrayList<>(3);
        keys.add("id:" + article.id());
        if (article.canonicalLink() != null && !article.canonicalLink().isBlank() && !isHomePage(article.canonicalLink().strip())) {
            keys.add("link:" + article.canonicalLink().strip());
        }
        if (article.guid() != null && !article.guid().isBlank()) {
            String guid = article.guid().strip();
            keys.add(GLOBAL_GUID.matcher(guid).matches() ? "guid:" + guid : "guid:" + article.feedUrl() + "#" + guid);
        }
        return keys;
    }
}
