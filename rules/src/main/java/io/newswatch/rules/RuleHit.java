package io.newswatch.rules;

import java.util.List;

/** A rule that matched a text, with the terms of the text that made it match. */
public record RuleHit(String ruleId, List<String> evidence) {
    public RuleHit {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
