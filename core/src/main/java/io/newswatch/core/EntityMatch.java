package io.newswatch.core;

import java.util.List;

/**
 * A named entity found in an article.
 *
 * @param type     what kind of entity it is
 * @param id       canonical id, stable across gazetteer versions (e.g. {@code country:UA}, {@code person:vladimir-putin})
 * @param name     canonical display name, e.g. "Ukraine"
 * @param evidence the surface forms that matched, e.g. ["Kyiv", "Ukrainian"]
 */
public record EntityMatch(EntityType type, String id, String name, List<String> evidence) {
    public EntityMatch {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
