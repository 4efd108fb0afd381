package io.newswatch.rules;

import java.util.List;

/**
 * A rule compiled for {@link PositionalRuleMatcher}: the parsed rule with every word already analysed
 * into index terms, so matching a text needs no analysis of the rule and no Lucene query objects.
 * Same meaning as the Lucene query {@link QueryBuilder} builds from the same rule (checked by tests
 * that run both engines over the same texts).
 */
sealed interface Expr {

    /** One index term (a base form, or an unstemmed word). */
    record Term(String term) implements Expr {
    }

    /** Any index term starting with the prefix (lower-cased, unstemmed). */
    record Prefix(String prefix) implements Expr {
    }

    /** The parts one right after the other, in order (a phrase, or a rule word the text splits in several). */
    record Sequence(List<Expr> parts) implements Expr {
        public Sequence {
            parts = List.copyOf(parts);
        }
    }

    /**
     * All parts with at most {@code slop} other words in between in total: in any order, or, when {@code ordered},
     * each part after the previous one without overlapping it.
     */
    record Near(List<Expr> parts, int slop, boolean ordered) implements Expr {
        public Near {
            parts = List.copyOf(parts);
        }
    }

    /** Every {@code required} and no {@code excluded} matches; with no required part, every text qualifies. */
    record All(List<Expr> required, List<Expr> excluded) implements Expr {
        public All {
            required = List.copyOf(required);
            excluded = List.copyOf(excluded);
        }
    }

    /** At least one alternative matches. */
    record Any(List<Expr> alternatives) implements Expr {
        public Any {
            alternatives = List.copyOf(alternatives);
        }
    }
}
