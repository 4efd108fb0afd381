package io.newswatch.enrich.dedup;

import io.newswatch.core.Article;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The keys under which an article counts as "already seen": its id, its canonical link and its GUID.
 *
 * <p>An outlet that re-posts a story under a new URL often keeps the canonical link or the GUID, so the
 * id (derived from the new URL) differs but one of the other keys repeats. A GUID is only trusted across
 * feeds when it looks globally unique (a URL, a URN or tag URI, or a long opaque token); a short GUID such
 * as "12345" is scoped to its feed, because two feeds can both number their items from 1.
 */
public final class DuplicateKeys {

    private static final Pattern GLOBAL_GUID = Pattern.compile("(?i)^([a-z][a-z0-9+.-]*:.+|[A-Za-z0-9_-]{24,})$");

    private DuplicateKeys() {
    }

    public static List<String> of(Article article) {
        List<String> keys = new ArrayList<>(3);
        keys.add("id:" + article.id());
        if (article.canonicalLink() != null && !article.canonicalLink().isBlank()) {
            keys.add("link:" + article.canonicalLink().strip());
        }
        if (article.guid() != null && !article.guid().isBlank()) {
            String guid = article.guid().strip();
            keys.add(GLOBAL_GUID.matcher(guid).matches() ? "guid:" + guid : "guid:" + article.feedUrl() + "#" + guid);
        }
        return keys;
    }
}
