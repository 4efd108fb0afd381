package io.newswatch.bench.tagging;

import io.newswatch.core.TagMatch;
import io.newswatch.enrich.taxonomy.LabelledText;
import io.newswatch.enrich.taxonomy.TagDefinition;
import io.newswatch.enrich.taxonomy.TaxonomyEvaluation;
import io.newswatch.enrich.taxonomy.TaxonomyTagger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints how a taxonomy does on the labelled set (per-tag precision and recall, micro-averages, the
 * texts it got wrong) and, when ../shared/data/bbc-headlines.jsonl is present, how often each tag fires
 * on the 41,642 real headlines, with a few samples per tag to eyeball for false positives.
 *
 * <p>{@code bin/bench --main io.newswatch.bench.tagging.EvaluateTaxonomy [taxonomy.yaml] [samples-per-tag]}
 * from the project root.
 */
public final class EvaluateTaxonomy {

    private EvaluateTaxonomy() {
    }

    public static void main(String[] args) {
        Path taxonomyFile = args.length > 0 ? Path.of(args[0]) : BenchmarkCorpus.DEFAULT_TAXONOMY;
        int samples = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        try (TaxonomyTagger tagger = TaxonomyTagger.load(taxonomyFile)) {
            System.out.println("taxonomy " + taxonomyFile + " version " + tagger.version() + ", "
                    + tagger.taxonomy().tags().size() + " tags");
            List<LabelledText> labelled = BenchmarkCorpus.labelled();
            TaxonomyEvaluation evaluation = TaxonomyEvaluation.run(tagger, labelled);
            System.out.println();
            System.out.println("Labelled set " + BenchmarkCorpus.LABELLED_SET + ":");
            System.out.print(evaluation.table());
            System.out.println();
            System.out.println("Texts tagged differently from their labels (" + evaluation.misses().size() + "):");
            System.out.print(evaluation.missReport());
            System.out.println();
            if (!Files.isRegularFile(BenchmarkCorpus.BBC_HEADLINES)) {
                System.out.println(BenchmarkCorpus.BBC_HEADLINES + " is absent: no tag frequencies on real headlines.");
                return;
            }
            frequencies(tagger, BenchmarkCorpus.bbcTexts(), samples);
        }
    }

    private static void frequencies(TaxonomyTagger tagger, List<String> texts, int samples) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, List<String>> examples = new LinkedHashMap<>();
        for (TagDefinition tag : tagger.taxonomy().tags()) {
            counts.put(tag.id(), 0);
            examples.put(tag.id(), new ArrayList<>());
        }
        int tagged = 0;
        long start = System.nanoTime();
        for (int i = 0; i < texts.size(); i++) {
            List<TagMatch> tags = tagger.tag(texts.get(i));
            if (!tags.isEmpty()) {
                tagged++;
            }
            for (TagMatch tag : tags) {
                counts.merge(tag.id(), 1, Integer::sum);
                List<String> list = examples.get(tag.id());
                // Spread the samples over the corpus rather than taking the first few.
                if (list.size() < samples && i % 97 == list.size()) {
                    list.add(texts.get(i).split("\n", 2)[0] + "   " + tag.evidence());
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "Tag frequencies on %s: %d headlines, %d (%.1f%%) with at least one tag "
                        + "(%.0f headlines/s, cold, single pass)%n", BenchmarkCorpus.BBC_HEADLINES, texts.size(), tagged,
                100.0 * tagged / texts.size(), texts.size() / seconds);
        System.out.printf(Locale.ROOT, "%-30s %7s %7s%n", "tag", "count", "%");
        counts.forEach((id, n) -> System.out.printf(Locale.ROOT, "%-30s %7d %6.2f%%%n", id, n, 100.0 * n / texts.size()));
        System.out.println();
        System.out.println("Samples (headline, evidence):");
        examples.forEach((id, list) -> list.forEach(s -> System.out.println("  " + id + ": " + s)));
    }
}
