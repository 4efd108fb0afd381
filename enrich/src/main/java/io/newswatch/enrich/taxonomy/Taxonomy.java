package io.newswatch.enrich.taxonomy;

import io.newswatch.rules.Rule;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A versioned, ordered list of tags. The version is stamped on every enriched record, so that a replay
 * under another taxonomy can be told apart; the order is the order tags are reported in.
 *
 * @param version free-form version string, e.g. {@code 2026.11.26-1}
 * @param tags    tags in file order, ids unique
 */
public record Taxonomy(String version, List<TagDefinition> tags) {

    public Taxonomy {
        Objects.requireNonNull(version, "version");
        tags = List.copyOf(tags);
        Set<String> ids = new HashSet<>();
        for (TagDefinition tag : tags) {
            if (!ids.add(tag.id())) {
                throw new IllegalArgumentException("tag id '" + tag.id() + "' is used more than once");
            }
        }
    }

    /** The tag with this id, if any. */
    public Optional<TagDefinition> tag(String id) {
        return tags.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** The tags as rules for {@link io.newswatch.rules.RuleMatcher#compile}, rule id = tag id. */
    public List<Rule> rules() {
        return tags.stream().map(t -> new Rule(t.id(), t.rule())).toList();
    }
}
