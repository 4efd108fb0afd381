package io.newswatch.bench.tagging;

import io.newswatch.enrich.taxonomy.TagDefinition;
import io.newswatch.enrich.taxonomy.Taxonomy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A large synthetic taxonomy for load tests: rules shaped like the hand-written ones (phrases,
 * proximity, AND/NOT, prefixes, OR lists) over words drawn from the corpus itself, so that they match
 * real texts at realistic, mostly low rates. Seeded, hence the same taxonomy on every run.
 */
public final class GeneratedTaxonomy {

    private static final Pattern WORD = Pattern.compile("[a-z]{4,14}");
    private static final Set<String> STOP = Set.of("that", "this", "with", "from", "have", "been", "were", "they",
            "their", "will", "said", "says", "what", "when", "which", "about", "after", "more", "into", "over",
            "than", "them", "there", "these", "also", "some", "would", "could", "just", "near", "your");

    private GeneratedTaxonomy() {
    }

    /** {@code size} rules over the vocabulary of {@code texts}. */
    public static Taxonomy generate(int size, List<String> texts, long seed) {
        List<String> vocabulary = vocabulary(texts);
        Random random = new Random(seed);
        List<TagDefinition> tags = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            tags.add(new TagDefinition("gen-" + i, "Generated " + i, "generated for benchmarks",
                    rule(random, vocabulary), List.of(), List.of()));
        }
        return new Taxonomy("generated-" + size + "-seed-" + seed, tags);
    }

    private static String rule(Random r, List<String> v) {
        return switch (r.nextInt(6)) {
            case 0 -> "\"" + w(r, v) + " " + w(r, v) + "\"";
            case 1 -> "\"" + w(r, v) + " " + w(r, v) + "\"~" + (2 + r.nextInt(5)) + " OR " + w(r, v);
            case 2 -> "(" + w(r, v) + " OR " + w(r, v) + " OR " + w(r, v) + ") AND " + w(r, v);
            case 3 -> w(r, v) + " NEAR/" + (1 + r.nextInt(6)) + " (" + w(r, v) + " OR " + prefix(r, v) + ")";
            case 4 -> "(" + prefix(r, v) + " OR \"" + w(r, v) + " " + w(r, v) + "\") AND NOT " + w(r, v);
            default -> w(r, v) + " AND " + w(r, v);
        };
    }

    /** A word, skewed towards the frequent end of the vocabulary (ranks follow a rough power law). */
    private static String w(Random r, List<String> v) {
        double u = r.nextDouble();
        int index = (int) Math.min(v.size() - 1, Math.floor(Math.pow(u, 2.5) * v.size()));
        return v.get(index);
    }

    private static String prefix(Random r, List<String> v) {
        String word = w(r, v);
        return word.substring(0, Math.max(4, word.length() - 2)) + "*";
    }

    /** Distinct lower-case words of 4+ letters by descending frequency, skipping the 100 commonest. */
    static List<String> vocabulary(List<String> texts) {
        Map<String, Integer> counts = new HashMap<>();
        for (String text : texts) {
            Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
            while (m.find()) {
                String word = m.group();
                if (!STOP.contains(word) && !isOperator(word)) {
                    counts.merge(word, 1, Integer::sum);
                }
            }
        }
        List<String> words = counts.entrySet().stream()
                .filter(e -> e.getValue() >= 2)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .toList();
        return words.size() > 400 ? words.subList(100, words.size()) : words;
    }

    private static boolean isOperator(String word) {
        return word.equals("and") || word.equals("not") || word.startsWith("near");
    }
}
