package io.newswatch.rules;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A necessary condition for a rule to match: at least one of these index terms, or a term starting
 * with one of these prefixes, occurs in the text. Lets a matcher skip most rules for a text after a
 * hash lookup per word, instead of running every query. {@link #ALWAYS} marks rules that can match
 * without any particular word (a rule that is only {@code NOT x}), which are always run.
 *
 * @param terms    base-form index terms
 * @param prefixes lower-cased, unstemmed prefixes
 */
record Trigger(Set<String> terms, Set<String> prefixes) {

    /** No word is required; the rule has to be run on every text. */
    public static final Trigger ALWAYS = new Trigger(null, null);

    public boolean always() {
        return terms == null;
    }

    static Trigger term(String term) {
        return new Trigger(Set.of(term), Set.of());
    }

    static Trigger prefix(String prefix) {
        return new Trigger(Set.of(), Set.of(prefix));
    }

    /** For "all of these are required": any single one is a sufficient trigger; take the most selective. */
    static Trigger mostSelective(List<Trigger> required) {
        Trigger best = ALWAYS;
        for (Trigger t : required) {
            if (!t.always() && (best.always() || t.cost() < best.cost())) {
                best = t;
            }
        }
        return best;
    }

    /** For "any of these": the rule may fire on any of their triggers. */
    static Trigger union(List<Trigger> alternatives) {
        Set<String> terms = new LinkedHashSet<>();
        Set<String> prefixes = new LinkedHashSet<>();
        for (Trigger t : alternatives) {
            if (t.always()) {
                return ALWAYS;
            }
            terms.addAll(t.terms);
            prefixes.addAll(t.prefixes);
        }
        return new Trigger(Collections.unmodifiableSet(terms), Collections.unmodifiableSet(prefixes));
    }

    /**
     * Rough cost of a trigger: how many rule runs it is likely to cause. A prefix fires on more words
     * than a term, and a short word (an, us, war) on more texts than a long one.
     */
    private double cost() {
        double cost = 0;
        for (String term : terms) {
            cost += 1.0 + 4.0 / term.length();
        }
        for (String prefix : prefixes) {
            cost += 3.0 + 8.0 / prefix.length();
        }
        return cost;
    }
}
