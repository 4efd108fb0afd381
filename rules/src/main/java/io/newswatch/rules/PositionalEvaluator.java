package io.newswatch.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates an {@link Expr} against one {@link TextPositions}, with the semantics of the Lucene span
 * and boolean queries built from the same rule: a sequence is spans one right after the other, a
 * near-group is one span from each part with {@code maxEnd - minStart - sum(lengths) <= slop}
 * (Lucene's unordered near-spans), an ordered near-group one span from each part, each starting at or after the
 * end of the one before, with the gaps between them adding up to at most {@code slop} (Lucene's ordered
 * near-spans), OR/AND/NOT are boolean. Evidence is the character ranges of the
 * words of every matching part, as Lucene's Matches API reports them.
 */
final class PositionalEvaluator {

    /** A run of word positions {@code [start, end)} and the positions of the words that made it. */
    private record Span(int start, int end, int[] words) {
        int length() {
            return end - start;
        }
    }

    /**
     * How many span combinations one near-group may try. News texts need a handful; a text that repeats
     * the words of a 3-word {@code ~n} group hundreds of times could otherwise take seconds. Past the
     * budget, the combinations found so far stand (the rule still matches if any fitted).
     */
    static final int COMBINATION_BUDGET = 100_000;

    private final TextPositions text;
    private int budget;

    PositionalEvaluator(TextPositions text) {
        this.text = text;
    }

    /** Whether the expression matches; when it does, adds {@code [startOffset, endOffset)} ranges to evidence. */
    boolean matches(Expr expr, List<int[]> evidence) {
        return switch (expr) {
            case Expr.All all -> {
                // Required parts first: a candidate rule usually fails on them, and exclusions (often prefixes, which
                // look at every word of the text) need not be looked at then. The same answer in either order.
                List<int[]> found = new ArrayList<>();
                for (Expr required : all.required()) {
                    if (!matches(required, found)) {
                        yield false;
                    }
                }
                for (Expr excluded : all.excluded()) {
                    if (matches(excluded, new ArrayList<>())) {
                        yield false;
                    }
                }
                evidence.addAll(found);
                yield true;
            }
            case Expr.Any any -> {
                boolean matched = false;
                for (Expr alternative : any.alternatives()) {
                    matched |= matches(alternative, evidence);
                }
                yield matched;
            }
            default -> {
                List<Span> spans = spans(expr);
                for (Span span : spans) {
                    for (int word : span.words()) {
                        evidence.add(new int[] {text.startOffset(word), text.endOffset(word)});
                    }
                }
                yield !spans.isEmpty();
            }
        };
    }

    private List<Span> spans(Expr expr) {
        return switch (expr) {
            case Expr.Term t -> {
                int[] positions = text.positionsOf(t.term());
                List<Span> out = new ArrayList<>(positions.length);
                for (int p : positions) {
                    out.add(new Span(p, p + 1, new int[] {p}));
                }
                yield out;
            }
            case Expr.Prefix p -> {
                int[] positions = text.positionsWithPrefix(p.prefix());
                List<Span> out = new ArrayList<>(positions.length);
                for (int position : positions) {
                    out.add(new Span(position, position + 1, new int[] {position}));
                }
                yield out;
            }
            case Expr.Any any -> {
                List<Span> out = new ArrayList<>();
                for (Expr alternative : any.alternatives()) {
                    out.addAll(spans(alternative));
                }
                yield out;
            }
            case Expr.Sequence seq -> sequence(seq);
            case Expr.Near near -> near(near);
            case Expr.All all -> throw new IllegalStateException("AND/NOT cannot be positional: " + all);
        };
    }

    private List<Span> sequence(Expr.Sequence seq) {
        List<Span> current = spans(seq.parts().get(0));
        for (int i = 1; i < seq.parts().size() && !current.isEmpty(); i++) {
            List<Span> next = spans(seq.parts().get(i));
            List<Span> joined = new ArrayList<>();
            for (Span a : current) {
                for (Span b : next) {
                    if (b.start() == a.end()) {
                        joined.add(new Span(a.start(), b.end(), concat(a.words(), b.words())));
                    }
                }
            }
            current = joined;
        }
        return current;
    }

    private List<Span> near(Expr.Near near) {
        List<List<Span>> parts = new ArrayList<>();
        for (Expr part : near.parts()) {
            List<Span> spans = spans(part);
            if (spans.isEmpty()) {
                return List.of();
            }
            parts.add(spans);
        }
        List<Span> out = new ArrayList<>();
        budget = COMBINATION_BUDGET;
        combine(parts, 0, new Span[parts.size()], near.slop(), near.ordered(), out);
        return out;
    }

    /** Every choice of one span per part that fits within the slop (and the order). Texts are short; lists are tiny. */
    private void combine(List<List<Span>> parts, int index, Span[] chosen, int slop, boolean ordered, List<Span> out) {
        if (budget-- <= 0) {
            return;
        }
        if (ordered) {
            if (index > 0 && gaps(chosen, index) > slop) {
                return; // gaps only grow as parts are added: no need to go on
            }
            if (index == parts.size()) {
                out.add(new Span(chosen[0].start(), chosen[index - 1].end(), wordsOf(chosen)));
                return;
            }
            for (Span span : parts.get(index)) {
                if (index == 0 || span.start() >= chosen[index - 1].end()) {
                    chosen[index] = span;
                    combine(parts, index + 1, chosen, slop, true, out);
                }
            }
            return;
        }
        if (index == parts.size()) {
            int min = Integer.MAX_VALUE;
            int max = Integer.MIN_VALUE;
            int total = 0;
            int[] words = new int[0];
            for (Span s : chosen) {
                min = Math.min(min, s.start());
                max = Math.max(max, s.end());
                total += s.length();
                words = concat(words, s.words());
            }
            if (max - min - total <= slop) {
                out.add(new Span(min, max, words));
            }
            return;
        }
        for (Span span : parts.get(index)) {
            chosen[index] = span;
            combine(parts, index + 1, chosen, slop, false, out);
        }
    }

    /** Words between consecutive chosen spans of an ordered group, the first {@code count} of them. */
    private static int gaps(Span[] chosen, int count) {
        int gaps = 0;
        for (int i = 1; i < count; i++) {
            gaps += chosen[i].start() - chosen[i - 1].end();
        }
        return gaps;
    }

    private static int[] wordsOf(Span[] chosen) {
        int[] words = new int[0];
        for (Span s : chosen) {
            words = concat(words, s.words());
        }
        return words;
    }

    private static int[] concat(int[] a, int[] b) {
        int[] out = new int[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
