package io.newswatch.enrich.taxonomy;

import java.util.List;
import java.util.Objects;

/**
 * One tag of a taxonomy as the analyst wrote it.
 *
 * @param id          stable kebab-case id, e.g. {@code arms-transfer}; what enriched records carry
 * @param label       human label, e.g. "Arms transfer"
 * @param description one or two sentences saying what belongs under the tag
 * @param rule        the expression in the rule language (docs/RULES.md)
 * @param shouldMatch example texts the rule must match (checked by the build)
 * @param mustNotMatch example texts the rule must not match (checked by the build)
 */
public record TagDefinition(
        String id,
        String label,
        String description,
        String rule,
        List<String> shouldMatch,
        List<String> mustNotMatch) {

    public TagDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(rule, "rule");
        description = description == null ? "" : description;
        shouldMatch = shouldMatch == null ? List.of() : List.copyOf(shouldMatch);
        mustNotMatch = mustNotMatch == null ? List.of() : List.copyOf(mustNotMatch);
    }
}
