package io.newswatch.bench.tagging;

import io.newswatch.bench.tagging.HeadlineCorpus.Headline;
import io.newswatch.bench.tagging.HeadlineLabels.Label;
import io.newswatch.core.TagMatch;
import io.newswatch.enrich.taxonomy.TaxonomyTagger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Precision and recall of taxonomy tags on hand-labelled real headlines, for one taxonomy or a baseline and a
 * candidate side by side, so a rule change shows what it gains and what it costs. The labels (bench resource
 * {@code tagging/headline-labels.tsv}) name headlines by the SHA-256 of their titles; the texts are read at run time
 * from ../shared/data (newsapi-2023.jsonl.gz, bbc-headlines.jsonl), and the command says so when they are absent.
 * Besides the labelled figures it counts, over every headline of the data, the matches a candidate gains and drops
 * against the baseline: gained and dropped matches nobody labelled are where a new rule may be wrong unseen
 * ({@code --show-unlabelled N} prints N of each per tag).
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar io.newswatch.bench.tagging.TagPrecisionEvaluation \
 *     [--baseline OLD.yaml] [--data DIR] [--errors] [--show-unlabelled N] [TAXONOMY.yaml]
 * </pre>
 * from the project root; the taxonomy defaults to config/taxonomy.yaml, the data to ../shared/data. Method and
 * figures: docs/evaluation/tagging.md.
 */
public final class TagPrecisionEvaluation {

    private TagPrecisionEvaluation() {
    }

    public static void main(String[] args) {
        Path candidateFile = BenchmarkCorpus.DEFAULT_TAXONOMY;
        Path baselineFile = null;
        Path dataDir = Path.of("..", "shared", "data");
        boolean errors = false;
        int showUnlabelled = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--baseline" -> baselineFile = Path.of(args[++i]);
                case "--data" -> dataDir = Path.of(args[++i]);
                case "--errors" -> errors = true;
                case "--show-unlabelled" -> showUnlabelled = Integer.parseInt(args[++i]);
                default -> candidateFile = Path.of(args[i]);
            }
        }
        List<Label> labels = HeadlineLabels.read();
        HeadlineCorpus corpus = HeadlineCorpus.read(dataDir);
        corpus.missingFiles().forEach(f -> System.out.println(f + " is absent: its labels are left out."));
        if (corpus.headlines().isEmpty()) {
            System.out.println("No headline data in " + dataDir.toAbsolutePath().normalize()
                    + ": nothing to evaluate (the labels hold hashes, not texts).");
            return;
        }
        List<String> tags = labels.stream().map(Label::tag).distinct().toList();
        try (TaxonomyTagger candidate = TaxonomyTagger.load(candidateFile);
                TaxonomyTagger baseline = baselineFile == null ? null : TaxonomyTagger.load(baselineFile)) {
            List<Label> found = new ArrayList<>();
            for (Label label : labels) {
                if (corpus.find(label.dataset(), label.titleSha256()) != null) {
                    found.add(label);
                }
            }
            System.out.printf(Locale.ROOT, "%d labels on %d tags, %d of them found in %d headlines of %s%n", labels.size(),
                    tags.size(), found.size(), corpus.headlines().size(), dataDir.toAbsolutePath().normalize());
            Map<String, Set<String>> candidateTags = tagAll(candidate, corpus);
            Map<String, Set<String>> baselineTags = baseline == null ? null : tagAll(baseline, corpus);
            if (baseline != null) {
                System.out.println("baseline  " + baselineFile + " (version " + baseline.version() + ")");
            }
            System.out.println("candidate " + candidateFile + " (version " + candidate.version() + ")");
            System.out.println();
            Map<String, TagScore> candidateScores = score(found, candidateTags);
            Map<String, TagScore> baselineScores = baselineTags == null ? null : score(found, baselineTags);
            printScores(tags, found, baselineScores, candidateScores);
            if (baselineTags != null) {
                System.out.println();
                printDrift(tags, corpus, found, baselineTags, candidateTags, showUnlabelled);
            }
            if (errors) {
                System.out.println();
                printErrors(found, corpus, candidateTags);
            }
        }
    }

    /** Tag ids per headline key, for every headline of the corpus. */
    private static Map<String, Set<String>> tagAll(TaxonomyTagger tagger, HeadlineCorpus corpus) {
        Map<String, Set<String>> out = new HashMap<>();
        for (Headline h : corpus.headlines()) {
            List<TagMatch> matches = tagger.tag(h.text());
            if (!matches.isEmpty()) {
                Set<String> ids = new LinkedHashSet<>();
                matches.forEach(m -> ids.add(m.id()));
                out.put(key(h), ids);
            }
        }
        return out;
    }

    private static Map<String, TagScore> score(List<Label> labels, Map<String, Set<String>> tagged) {
        Map<String, TagScore> scores = new LinkedHashMap<>();
        for (Label label : labels) {
            boolean predicted = tagged.getOrDefault(key(label), Set.of()).contains(label.tag());
            scores.merge(label.tag(), TagScore.EMPTY.add(predicted, label), (a, b) -> a.add(predicted, label));
        }
        return scores;
    }

    private static void printScores(List<String> tags, List<Label> found, Map<String, TagScore> baseline,
            Map<String, TagScore> candidate) {
        System.out.println("P, R: precision and recall on the tuning labels of the tag (labels, pos: how many, how many positive);");
        System.out.println("P(rand): precision on the labels drawn at random from the matches of the taxonomy the labels were made");
        System.out.println("with; P(hold): precision on the hold-out labels, drawn at random from the tuned taxonomy's matches after");
        System.out.println("tuning (n: how many of them the taxonomy matches). The last two estimate precision on the stream.");
        String header = String.format(Locale.ROOT, "%-22s %6s %4s", "tag", "labels", "pos");
        if (baseline != null) {
            header += " | baseline:     P     R  P(rand)  P(hold)   n";
        }
        System.out.println(header + " | candidate:    P     R  P(rand)  P(hold)   n |  TP  FP  FN");
        for (String tag : tags) {
            long n = found.stream().filter(l -> l.tag().equals(tag) && !l.holdout()).count();
            long pos = found.stream().filter(l -> l.tag().equals(tag) && !l.holdout() && l.positive()).count();
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-22s %6d %4d", tag, n, pos));
            if (baseline != null) {
                line.append(" |           ").append(figures(baseline.getOrDefault(tag, TagScore.EMPTY)));
            }
            TagScore c = candidate.getOrDefault(tag, TagScore.EMPTY);
            line.append(" |            ").append(figures(c)).append(String.format(Locale.ROOT, " | %3d %3d %3d",
                    c.truePositives(), c.falsePositives(), c.falseNegatives()));
            System.out.println(line);
        }
    }

    private static String figures(TagScore s) {
        return String.format(Locale.ROOT, "%s %s  %s    %s %3d", pct(s.precision()), pct(s.recall()), pct(s.randomPrecision()),
                pct(s.holdoutPrecision()), s.holdoutMatches());
    }

    /** Over all headlines: matches kept, dropped and gained per tag, and how many of the gained ones carry a label. */
    private static void printDrift(List<String> tags, HeadlineCorpus corpus, List<Label> found, Map<String, Set<String>> baseline,
            Map<String, Set<String>> candidate, int show) {
        System.out.println("Matches on all " + corpus.headlines().size() + " headlines, baseline -> candidate:");
        System.out.printf(Locale.ROOT, "%-24s %8s %8s %8s %8s %16s%n", "tag", "baseline", "candidate", "dropped", "gained",
                "gained, labelled");
        Set<String> labelled = new HashSet<>();
        found.forEach(l -> labelled.add(l.tag() + "|" + key(l)));
        for (String tag : tags) {
            int before = 0;
            int after = 0;
            int dropped = 0;
            int gained = 0;
            int gainedLabelled = 0;
            List<String> unlabelledGains = new ArrayList<>();
            List<String> unlabelledDrops = new ArrayList<>();
            for (Headline h : corpus.headlines()) {
                boolean b = baseline.getOrDefault(key(h), Set.of()).contains(tag);
                boolean c = candidate.getOrDefault(key(h), Set.of()).contains(tag);
                before += b ? 1 : 0;
                after += c ? 1 : 0;
                if (b && !c) {
                    dropped++;
                    if (!labelled.contains(tag + "|" + key(h)) && unlabelledDrops.size() < show) {
                        unlabelledDrops.add(h.titleSha256().substring(0, 12) + "  " + firstLine(h.text()));
                    }
                }
                if (c && !b) {
                    gained++;
                    if (labelled.contains(tag + "|" + key(h))) {
                        gainedLabelled++;
                    } else if (unlabelledGains.size() < show) {
                        unlabelledGains.add(h.titleSha256().substring(0, 12) + "  " + firstLine(h.text()));
                    }
                }
            }
            System.out.printf(Locale.ROOT, "%-24s %8d %8d %8d %8d %16d%n", tag, before, after, dropped, gained, gainedLabelled);
            unlabelledGains.forEach(s -> System.out.println("    gained, unlabelled:  " + s));
            unlabelledDrops.forEach(s -> System.out.println("    dropped, unlabelled: " + s));
        }
    }

    private static void printErrors(List<Label> found, HeadlineCorpus corpus, Map<String, Set<String>> candidate) {
        System.out.println("Candidate errors (title SHA-256 prefix, how the label was drawn, headline):");
        for (Label label : found) {
            boolean predicted = candidate.getOrDefault(key(label), Set.of()).contains(label.tag());
            if (predicted != label.positive()) {
                Headline h = corpus.find(label.dataset(), label.titleSha256());
                System.out.printf(Locale.ROOT, "  %-22s %s %s %-13s %s%n", label.tag(), predicted ? "FP" : "FN",
                        label.titleSha256().substring(0, 12), label.sample(), firstLine(h.text()));
            }
        }
    }

    private static String key(Headline h) {
        return h.dataset() + "/" + h.titleSha256();
    }

    private static String key(Label l) {
        return l.dataset() + "/" + l.titleSha256();
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }

    private static String pct(double ratio) {
        return Double.isNaN(ratio) ? "  -  " : String.format(Locale.ROOT, "%5.1f", 100 * ratio);
    }
}
