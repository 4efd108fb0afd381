package io.newswatch.bench.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.CommonTextObjectFactories;
import com.optimaize.langdetect.text.TextObjectFactory;
import io.newswatch.ingest.normalize.LanguageGuesser;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * Language detection of ingest ({@link LanguageGuesser#detect(String, String)}: optimaize's profiles, our log-space
 * scorer) against optimaize's own detector configured as ingest configured it before, on real headlines (a JSON-lines
 * file, gzipped or not, with {@code title} and {@code summary}): how often the two give the same answer (a language or
 * unknown), which answers differ, and the time per article of each, measured in the same run, alternately.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar io.newswatch.bench.ingest.LanguageDetectionAgreement \
 *     ../shared/data/newsapi-2023.jsonl.gz [-v]
 * </pre>
 * With {@code -v}, the first two articles of each kind of disagreement are printed.
 */
public final class LanguageDetectionAgreement {

    private static final int SAMPLE_CHARS = 160;
    private static final double MIN_PROBABILITY = 0.90;

    private LanguageDetectionAgreement() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : "../shared/data/newsapi-2023.jsonl.gz");
        List<String[]> texts = read(file);
        TextObjectFactory text = CommonTextObjectFactories.forDetectingShortCleanText();
        LanguageDetector optimaize = LanguageDetectorBuilder.create(NgramExtractors.standard())
                .shortTextAlgorithm(SAMPLE_CHARS + 1)
                .withProfiles(new LanguageProfileReader().readAllBuiltIn())
                .build();
        System.out.printf("%,d articles from %s, %d cores%n", texts.size(), file, Runtime.getRuntime().availableProcessors());

        String[] ours = new String[texts.size()];
        String[] theirs = new String[texts.size()];
        long oursNanos = 0;
        long theirsNanos = 0;
        for (int round = 0; round < 3; round++) { // round 0 warms both up; rounds 1 and 2 are timed
            long t0 = System.nanoTime();
            for (int i = 0; i < texts.size(); i++) {
                ours[i] = LanguageGuesser.detect(texts.get(i)[0], texts.get(i)[1]);
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < texts.size(); i++) {
                theirs[i] = optimaize(optimaize, text, texts.get(i)[0], texts.get(i)[1]);
            }
            long t2 = System.nanoTime();
            if (round > 0) {
                oursNanos += t1 - t0;
                theirsNanos += t2 - t1;
            }
        }
        int same = 0;
        Map<String, Integer> differences = new TreeMap<>();
        boolean verbose = args.length > 1 && args[1].equals("-v");
        for (int i = 0; i < texts.size(); i++) {
            if (Objects.equals(ours[i], theirs[i])) {
                same++;
            } else if (differences.merge("optimaize " + theirs[i] + " -> ours " + ours[i], 1, Integer::sum) <= 2 && verbose) {
                System.out.printf("  optimaize %s, ours %s: %s | %s%n", theirs[i], ours[i], texts.get(i)[0], texts.get(i)[1]);
            }
        }
        double n = texts.size() * 2.0;
        System.out.printf("same answer: %,d of %,d (%.3f%%)%n", same, texts.size(), 100.0 * same / texts.size());
        differences.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(15)
                .forEach(e -> System.out.printf("  %-40s %,d%n", e.getKey(), e.getValue()));
        System.out.printf("ours:      %.1f us per article%n", oursNanos / n / 1000);
        System.out.printf("optimaize: %.1f us per article (%.2fx ours)%n", theirsNanos / n / 1000, (double) theirsNanos / oursNanos);
    }

    /** What ingest did before: the same 160-character sample, optimaize's short-text algorithm, 0.90 or unknown. */
    private static String optimaize(LanguageDetector detector, TextObjectFactory text, String title, String summary) {
        String joined = summary.isEmpty() ? title : title + ". " + summary;
        if (joined.length() < 40) {
            return null;
        }
        String sample = joined.length() > SAMPLE_CHARS ? joined.substring(0, SAMPLE_CHARS) : joined;
        List<DetectedLanguage> candidates = detector.getProbabilities(text.forText(sample));
        return candidates.isEmpty() || candidates.get(0).getProbability() < MIN_PROBABILITY
                ? null : candidates.get(0).getLocale().getLanguage();
    }

    private static List<String[]> read(Path file) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<String[]> texts = new ArrayList<>();
        var in = Files.newInputStream(file);
        var decoded = file.toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(decoded, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                JsonNode node = json.readTree(line);
                texts.add(new String[] {node.path("title").asText(""), node.path("summary").asText("")});
            }
        }
        return texts;
    }
}
