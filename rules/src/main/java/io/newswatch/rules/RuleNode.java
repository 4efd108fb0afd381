package io.newswatch.rules;

import java.util.List;

/**
 * The parsed form of a rule expression, before it becomes a Lucene query. Every node remembers the
 * character position it starts at, so that later checks (for example "NOT inside NEAR") can still
 * point the analyst at the offending spot.
 */
sealed interface RuleNode {

    /** Zero-based offset of this node in the rule expression. */
    int position();

    /** A bare word, e.g. {@code tomahawk}; matched after stemming and the irregular-form map. */
    record Word(String text, int position) implements RuleNode {
    }

    /** A word ending in {@code *}, e.g. {@code tomahaw*}; the prefix is matched unstemmed. */
    record Prefix(String text, int position) implements RuleNode {
    }

    /**
     * A quoted phrase. With {@code slop == 0} its words must be adjacent and in order; with
     * {@code "a b"~n} they must all fall within {@code n} intervening words, in any order.
     */
    record Phrase(List<RuleNode> words, int slop, int position) implements RuleNode {
        public Phrase {
            words = List.copyOf(words);
        }
    }

    /** All children must match. */
    record And(List<RuleNode> children, int position) implements RuleNode {
        public And {
            children = List.copyOf(children);
        }
    }

    /** At least one child must match. */
    record Or(List<RuleNode> children, int position) implements RuleNode {
        public Or {
            children = List.copyOf(children);
        }
    }

    /** The child must not match. */
    record Not(RuleNode child, int position) implements RuleNode {
    }

    /**
     * Both sides within {@code distance} intervening words of each other: in either order ({@code NEAR/n}), or,
     * when {@code ordered} ({@code BEFORE/n}), the left side first and the two not overlapping.
     */
    record Near(RuleNode left, RuleNode right, int distance, boolean ordered, int position) implements RuleNode {
    }
}
