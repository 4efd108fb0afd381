package io.newswatch.rules;

import java.util.Collection;
import java.util.List;

/**
 * A compiled set of rules, matched against one text at a time. Implementations are safe to call from
 * one thread at a time per instance (each Kafka Streams task builds its own).
 */
public interface RuleMatcher extends AutoCloseable {

    /** Rules that match the text, in rule order, each with its evidence. */
    List<RuleHit> match(String text);

    /**
     * Compiles rules; fails fast with {@link RuleSyntaxException} naming the first bad rule and position.
     * The language is described in docs/RULES.md.
     *
     * @throws RuleSyntaxException      when a rule does not parse (rule id and zero-based offset)
     * @throws IllegalArgumentException when a rule has no id or an id is repeated
     */
    static RuleMatcher compile(Collection<Rule> rules) {
        return new PositionalRuleMatcher(CompiledRule.compileAll(rules));
    }

    /**
     * Checks that a rule parses, without building a matcher; for validating a watch or a taxonomy
     * entry as it is entered.
     *
     * @throws RuleSyntaxException when it does not
     */
    static void validate(Rule rule) {
        CompiledRule.compileAll(List.of(rule));
    }

    @Override
    default void close() {
    }
}
