package io.newswatch.ingest.normalize;

import com.optimaize.langdetect.NgramFrequencyData;
import com.optimaize.langdetect.profiles.LanguageProfile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The naive Bayes language model of the optimaize detector, scored in log space. The n-gram frequencies are
 * optimaize's own (its built-in profiles, turned into per-language probabilities by its {@link NgramFrequencyData});
 * only the arithmetic differs.
 *
 * <p>Why not optimaize's scorer: it multiplies 70 probabilities per n-gram and renormalizes after every n-gram to
 * stay clear of underflow, about 45% of an import's CPU on news headlines (70 divisions per n-gram). Here each
 * n-gram's smoothed probabilities are stored once as logarithms, so scoring one n-gram is 70 additions, and the
 * probabilities are normalized once at the end. Like optimaize it stops reading n-grams once one language is
 * certain (see {@link #DECIDED_GAP}), in the extractor's (deterministic) order. The two agree on the language of
 * real headlines almost always (docs/BENCHMARKS.md, import). The table is floats: half the heap
 * of optimaize's doubles (about 32 MB for 114,000 n-grams and 70 languages).
 */
final class NgramLanguageModel {

    /** optimaize's smoothing of a probability: {@code alpha / BASE_FREQ} with its defaults (0.5 and 10,000). */
    private static final double SMOOTHING = 0.5 / 10_000;

    /**
     * Once the leader is this far ahead of the runner-up in log-likelihood, ln(70 / 1e-5), its probability is above
     * 1 - 1e-5 whatever the other languages score (the point where optimaize stops too): the remaining n-grams are
     * not read. Each n-gram's row is a few cache lines of a 32 MB table, so most of the time goes to reading rows;
     * short headlines are decided after a few dozen of their several hundred n-grams.
     */
    private static final double DECIDED_GAP = Math.log(70 / 1e-5);

    /** A language this far below the leader in log-likelihood has a relative probability under 1e-26. */
    private static final double NEGLIGIBLE = -60;

    private final String[] languages;
    private final Map<String, Integer> gramRows;
    private final float[] logProbabilities;

    private NgramLanguageModel(String[] languages, Map<String, Integer> gramRows, float[] logProbabilities) {
        this.languages = languages;
        this.gramRows = gramRows;
        this.logProbabilities = logProbabilities;
    }

    /** Builds the model from language profiles over n-grams of the given lengths. */
    static NgramLanguageModel of(List<LanguageProfile> profiles, List<Integer> gramLengths) {
        NgramFrequencyData frequencies = NgramFrequencyData.create(profiles, gramLengths);
        int width = frequencies.getLanguageList().size();
        String[] languages = new String[width];
        for (int i = 0; i < width; i++) {
            languages[i] = frequencies.getLanguage(i).getLanguage();
        }
        Map<String, Integer> rows = new HashMap<>();
        for (LanguageProfile profile : profiles) {
            for (Map.Entry<String, Integer> gram : profile.iterateGrams()) {
                if (frequencies.getProbabilities(gram.getKey()) != null) {
                    rows.putIfAbsent(gram.getKey(), rows.size());
                }
            }
        }
        float[] table = new float[rows.size() * width];
        rows.forEach((gram, row) -> {
            double[] probabilities = frequencies.getProbabilities(gram);
            for (int language = 0; language < width; language++) {
                table[row * width + language] = (float) Math.log(SMOOTHING + probabilities[language]);
            }
        });
        // Kept a HashMap: Map.copyOf's table probes linearly, and the hashes of 1- to 3-character strings cluster (20x slower).
        return new NgramLanguageModel(languages, rows, table);
    }

    /**
     * The most likely language of a text given its n-grams and how often each occurs, with its probability, or null
     * when no n-gram is known to the model.
     */
    Guess mostLikely(Map<String, Integer> gramCounts) {
        int width = languages.length;
        double[] logLikelihood = new double[width];
        boolean known = false;
        for (Map.Entry<String, Integer> gram : gramCounts.entrySet()) {
            Integer row = gramRows.get(gram.getKey());
            if (row == null) {
                continue;
            }
            known = true;
            int count = gram.getValue();
            int offset = row * width;
            double best = Double.NEGATIVE_INFINITY;
            double second = Double.NEGATIVE_INFINITY;
            for (int language = 0; language < width; language++) {
                double value = logLikelihood[language] + count * logProbabilities[offset + language];
                logLikelihood[language] = value;
                if (value > best) {
                    second = best;
                    best = value;
                } else if (value > second) {
                    second = value;
                }
            }
            if (best - second > DECIDED_GAP) {
                break; // the leader's probability is already above 1 - 1e-5 whatever the others get
            }
        }
        return known ? softmaxLeader(logLikelihood) : null;
    }

    /** The leading language and its probability, with a uniform prior; subtracting the maximum keeps exp() in range. */
    private Guess softmaxLeader(double[] logLikelihood) {
        int best = 0;
        for (int language = 1; language < logLikelihood.length; language++) {
            if (logLikelihood[language] > logLikelihood[best]) {
                best = language;
            }
        }
        double sum = 0;
        for (double value : logLikelihood) {
            double below = value - logLikelihood[best];
            // exp() of a large negative number is slow (subnormal results) and adds nothing a double can hold.
            sum += below < NEGLIGIBLE ? 0 : Math.exp(below);
        }
        return new Guess(languages[best], 1.0 / sum);
    }

    /** A language (ISO 639-1, as optimaize names it) and its probability given the text. */
    record Guess(String language, double probability) {
    }
}
