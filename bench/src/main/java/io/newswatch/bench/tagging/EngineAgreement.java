package io.newswatch.bench.tagging;

import io.newswatch.enrich.taxonomy.Taxonomy;
import io.newswatch.enrich.taxonomy.TaxonomyLoader;
import io.newswatch.rules.RuleEngine;
import io.newswatch.rules.RuleHit;
import io.newswatch.rules.RuleMatcher;
import java.util.List;

/**
 * Checks on real text that the rule engines agree: runs the default taxonomy and a generated
 * 5,000-rule taxonomy over the benchmark corpus with every {@link RuleEngine} and counts the texts where
 * the rules that matched differ from the Lucene MemoryIndex engine (printing the first few; exit code 1
 * if any), and, for information, the texts where only the evidence differs: for NEAR and ~n the
 * positional engine lists every word within reach, Lucene's span iterator the first qualifying group.
 *
 * <p>{@code bin/bench --main io.newswatch.bench.tagging.EngineAgreement [max-texts]} from the project root.
 */
public final class EngineAgreement {

    private EngineAgreement() {
    }

    public static void main(String[] args) {
        List<String> texts = BenchmarkCorpus.texts();
        int max = args.length > 0 ? Integer.parseInt(args[0]) : texts.size();
        List<String> sample = texts.subList(0, Math.min(max, texts.size()));
        int differences = compare("default", TaxonomyLoader.load(BenchmarkCorpus.DEFAULT_TAXONOMY), sample)
                + compare("generated-5000", GeneratedTaxonomy.generate(5000, texts, 42), sample);
        System.exit(differences == 0 ? 0 : 1);
    }

    private static List<String> ids(List<RuleHit> hits) {
        return hits.stream().map(RuleHit::ruleId).toList();
    }

    private static int compare(String name, Taxonomy taxonomy, List<String> texts) {
        int differences = 0;
        long hits = 0;
        try (RuleMatcher reference = RuleEngine.MEMORY_INDEX.compile(taxonomy.rules())) {
            for (RuleEngine engine : RuleEngine.values()) {
                if (engine == RuleEngine.MEMORY_INDEX) {
                    continue;
                }
                int engineDifferences = 0;
                int evidenceOnly = 0;
                try (RuleMatcher other = engine.compile(taxonomy.rules())) {
                    for (String text : texts) {
                        List<RuleHit> expected = reference.match(text);
                        List<RuleHit> actual = other.match(text);
                        hits += expected.size();
                        if (!ids(expected).equals(ids(actual))) {
                            if (engineDifferences++ < 5) {
                                System.out.println(name + " " + engine + " differs on: " + text.replace('\n', ' ')
                                        + "\n  MEMORY_INDEX: " + expected + "\n  " + engine + ": " + actual);
                            }
                        } else if (!expected.equals(actual)) {
                            evidenceOnly++;
                        }
                    }
                }
                System.out.printf("%s: %s vs MEMORY_INDEX: %d of %d texts get different rules, %d only different evidence%n",
                        name, engine, engineDifferences, texts.size(), evidenceOnly);
                differences += engineDifferences;
            }
        }
        System.out.printf("%s: %d reference hits%n", name, hits / 2);
        return differences;
    }
}
