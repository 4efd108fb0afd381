package io.newswatch.enrich.taxonomy;

import io.newswatch.core.TagMatch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Scores a tagger against a labelled set: per tag, true positives, false positives and false
 * negatives, precision and recall; micro-averages over all tags; and the texts it got wrong, so that a
 * rule author sees why a figure moved. Used by the build's floor test and by the
 * {@code EvaluateTaxonomy} command.
 */
public final class TaxonomyEvaluation {

    /** Counts for one tag. */
    public record TagScore(String tagId, int truePositives, int falsePositives, int falseNegatives) {
        public double precision() {
            int predicted = truePositives + falsePositives;
            return predicted == 0 ? 1.0 : (double) truePositives / predicted;
        }

        public double recall() {
            int actual = truePositives + falseNegatives;
            return actual == 0 ? 1.0 : (double) truePositives / actual;
        }

        public int support() {
            return truePositives + falseNegatives;
        }
    }

    /** A text whose tags differ from the expected ones. */
    public record Miss(String text, Set<String> expected, Set<String> actual) {
    }

    private final Map<String, TagScore> scores;
    private final List<Miss> misses;
    private final int texts;

    private TaxonomyEvaluation(Map<String, TagScore> scores, List<Miss> misses, int texts) {
        this.scores = scores;
        this.misses = misses;
        this.texts = texts;
    }

    /** Runs the tagger over every labelled text. Tags named in the labels but not in the taxonomy count too. */
    public static TaxonomyEvaluation run(TaxonomyTagger tagger, List<LabelledText> labelled) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        tagger.taxonomy().tags().forEach(t -> counts.put(t.id(), new int[3]));
        List<Miss> misses = new ArrayList<>();
        for (LabelledText item : labelled) {
            Set<String> actual = tagger.tag(item.text()).stream().map(TagMatch::id)
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<String> expected = item.expected();
            for (String id : actual) {
                counts.computeIfAbsent(id, k -> new int[3])[expected.contains(id) ? 0 : 1]++;
            }
            for (String id : expected) {
                if (!actual.contains(id)) {
                    counts.computeIfAbsent(id, k -> new int[3])[2]++;
                }
            }
            if (!actual.equals(expected)) {
                misses.add(new Miss(item.text(), expected, actual));
            }
        }
        Map<String, TagScore> scores = new LinkedHashMap<>();
        counts.forEach((id, c) -> scores.put(id, new TagScore(id, c[0], c[1], c[2])));
        return new TaxonomyEvaluation(scores, misses, labelled.size());
    }

    public Map<String, TagScore> scores() {
        return scores;
    }

    public List<Miss> misses() {
        return misses;
    }

    public double microPrecision() {
        int tp = sum(0);
        int fp = sum(1);
        return tp + fp == 0 ? 1.0 : (double) tp / (tp + fp);
    }

    public double microRecall() {
        int tp = sum(0);
        int fn = sum(2);
        return tp + fn == 0 ? 1.0 : (double) tp / (tp + fn);
    }

    private int sum(int which) {
        return scores.values().stream().mapToInt(s -> switch (which) {
            case 0 -> s.truePositives();
            case 1 -> s.falsePositives();
            default -> s.falseNegatives();
        }).sum();
    }

    /** A fixed-width table: one row per tag, then the micro-averages. */
    public String table() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-30s %5s %4s %4s %4s %9s %7s%n",
                "tag", "supp", "tp", "fp", "fn", "precision", "recall"));
        for (TagScore s : scores.values()) {
            out.append(String.format(Locale.ROOT, "%-30s %5d %4d %4d %4d %9.3f %7.3f%n", s.tagId(), s.support(),
                    s.truePositives(), s.falsePositives(), s.falseNegatives(), s.precision(), s.recall()));
        }
        out.append(String.format(Locale.ROOT, "%-30s %5d %4d %4d %4d %9.3f %7.3f%n", "micro-average (" + texts + " texts)",
                sum(0) + sum(2), sum(0), sum(1), sum(2), microPrecision(), microRecall()));
        return out.toString();
    }

    /** The misses, one per line: expected vs actual, then the text's first line. */
    public String missReport() {
        StringBuilder out = new StringBuilder();
        for (Miss m : misses) {
            out.append("expected ").append(m.expected()).append(" got ").append(m.actual()).append(": ")
                    .append(m.text().replace('\n', ' ')).append(System.lineSeparator());
        }
        return out.toString();
    }
}
