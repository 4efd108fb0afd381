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
     * TODO(rules helper): implement with Lucene; this factory is the one entry point other modules use.
     */
    static RuleMatcher compile(Collection<Rule> rules) {
        throw new UnsupportedOperationException("rule compilation not implemented yet");
    }

    @Override
    default void close() {
    }
}
