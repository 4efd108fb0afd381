package io.newswatch.core;

import java.util.List;

/**
 * A taxonomy tag assigned to an article, with the evidence that produced it.
 *
 * @param id       the tag id from the taxonomy, e.g. {@code arms-transfer}
 * @param label    its human label, e.g. "Arms transfer"
 * @param evidence the matched terms from the article text, in order of appearance
 */
public record TagMatch(String id, String label, List<String> evidence) {
    public TagMatch {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
