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
 * certain (see {@link #DECIDED_GAP}). The n-grams are read straight from the text, each looked up in a table of
 * primitives ({@link GramTable}), instead of being cut into strings and counted in a map first (a third of the time
 * left). The two agree on the language of real headlines almost always (docs/BENCHMARKS.md, import). The table is
 * floats: half the heap of optimaize's doubles (about 32 MB for 114,000 n-grams and 70 languages).
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

    /** How often (in n-grams known to the model) {@link #add} looks for a decided leader. */
    private static final int CHECK_EVERY = 4;

    /** A language this far below the leader in log-likelihood has a relative probability under 1e-26. */
    private static final double NEGLIGIBLE = -60;

    private final String[] languages;
    private final GramTable gramRows;
    private final float[] logProbabilities;

    private NgramLanguageModel(String[] languages, GramTable gramRows, float[] logProbabilities) {
        this.languages = languages;
        this.gramRows = gramRows;
        this.logProbabilities = logProbabilities;
    }

    /** Builds the model from language profiles over n-grams of 1 to 3 characters. */
    static NgramLanguageModel of(List<LanguageProfile> profiles) {
        NgramFrequencyData frequencies = NgramFrequencyData.create(profiles, List.of(1, 2, 3));
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
        GramTable gramRows = new GramTable(rows.size());
        rows.forEach((gram, row) -> {
            double[] probabilities = frequencies.getProbabilities(gram);
            for (int language = 0; language < width; language++) {
                table[row * width + language] = (float) Math.log(SMOOTHING + probabilities[language]);
            }
            gramRows.put(GramTable.key(gram, 0, gram.length()), row);
        });
        return new NgramLanguageModel(languages, gramRows, table);
    }

    /**
     * The most likely language of a text (as optimaize's text clean-up leaves it), with its probability, or null when no
     * n-gram of it is known to the model. The n-grams are those of optimaize's standard extractor: the text padded with a
     * space at each end, all 1-grams but a space, all 2-grams, the 3-grams without a space in the middle; read as it reads
     * them, 1-grams first, then 2-grams, then 3-grams, each from the start of the text, so that the cheap evidence comes
     * first and a clear text is decided early.
     */
    Guess mostLikely(CharSequence text) {
        if (text.isEmpty()) {
            return null;
        }
        CharSequence padded = padded(text);
        double[] logLikelihood = new double[languages.length];
        int known = 0;
        for (int length = 1; length <= 3; length++) {
            for (int start = 0; start + length <= padded.length(); start++) {
                if (length == 1 && padded.charAt(start) == ' ' || length == 3 && padded.charAt(start + 1) == ' ') {
                    continue;
                }
                int row = gramRows.row(GramTable.key(padded, start, length));
                if (row < 0) {
                    continue;
                }
                known++;
                if (add(logLikelihood, row, known)) {
                    return softmaxLeader(logLikelihood);
                }
            }
        }
        return known > 0 ? softmaxLeader(logLikelihood) : null;
    }

    /**
     * Adds an n-gram's log probabilities; true once the leader is certain (see {@link #DECIDED_GAP}), which is looked at
     * every {@link #CHECK_EVERY} n-grams: the addition alone is a loop the JIT vectorizes, the search for the leader is not.
     */
    private boolean add(double[] logLikelihood, int row, int known) {
        int offset = row * logLikelihood.length;
        for (int language = 0; language < logLikelihood.length; language++) {
            logLikelihood[language] += logProbabilities[offset + language];
        }
        if (known % CHECK_EVERY != 0) {
            return false;
        }
        double best = Double.NEGATIVE_INFINITY;
        double second = Double.NEGATIVE_INFINITY;
        for (double value : logLikelihood) {
            if (value > best) {
                second = best;
                best = value;
            } else if (value > second) {
                second = value;
            }
        }
        return best - second > DECIDED_GAP;
    }

    private static CharSequence padded(CharSequence text) {
        boolean before = text.charAt(0) != ' ';
        boolean after = text.charAt(text.length() - 1) != ' ';
        if (!before && !after) {
            return text;
        }
        StringBuilder padded = new StringBuilder(text.length() + 2);
        return padded.append(before ? " " : "").append(text).append(after ? " " : "");
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
