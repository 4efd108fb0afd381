package io.newswatch.bench.tagging;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The hand labels of real headlines that {@link TagPrecisionEvaluation} scores taggers against, read from the
 * bench resource {@code tagging/headline-labels.tsv}. A label names its headline by the SHA-256 of the title in a
 * data set under ../shared/data, never by its text: the text belongs to its publisher and stays out of the project.
 */
final class HeadlineLabels {

    static final String RESOURCE = "/tagging/headline-labels.tsv";

    /**
     * One judgement: whether the headline belongs under the tag.
     *
     * @param sample how the headline was drawn for labelling ({@code match}: a random match of the tagger the labels
     *               were made with, so precision on it estimates precision on the stream; {@code near-miss}: not matched
     *               but holding the tag's words, for recall; {@code hard-match}, {@code keyword-match},
     *               {@code known-error}: matches of kinds that mislead; {@code holdout-match}: a random match of the
     *               tuned taxonomy, labelled after tuning and never tuned on)
     */
    record Label(String tag, boolean positive, String dataset, String titleSha256, String sample) {

        boolean randomMatch() {
            return sample.equals("match");
        }

        /** Drawn from the tuned taxonomy's own matches: scored apart, since every one of them is a match of it. */
        boolean holdout() {
            return sample.equals("holdout-match");
        }
    }

    private HeadlineLabels() {
    }

    static List<Label> read() {
        try (InputStream in = HeadlineLabels.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<Label> labels = new ArrayList<>();
            boolean header = true;
            int lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) { // the column names
                    header = false;
                    continue;
                }
                String[] f = line.split("\t");
                if (f.length != 5 || !(f[1].equals("0") || f[1].equals("1")) || f[3].length() != 64) {
                    throw new IllegalStateException(RESOURCE + ":" + lineNumber + ": expected tag, 0/1, data set, SHA-256, sample");
                }
                labels.add(new Label(f[0], f[1].equals("1"), f[2], f[3], f[4]));
            }
            return labels;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
