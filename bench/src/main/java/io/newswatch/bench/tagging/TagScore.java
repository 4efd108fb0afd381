package io.newswatch.bench.tagging;

/**
 * One taxonomy's counts for one tag on the labelled headlines: true and false positives and false negatives on the
 * tuning labels; the same over the labels drawn at random from the matches of the taxonomy the labels were made with
 * ({@code match} sample), whose precision estimates the share of right matches in the stream rather than in a set
 * enriched with hard cases; and the positives on the hold-out labels, drawn at random from the tuned taxonomy's own
 * matches after tuning, whose precision is the honest estimate for it.
 */
record TagScore(int truePositives, int falsePositives, int falseNegatives, int randomTruePositives, int randomFalsePositives,
        int holdoutTruePositives, int holdoutFalsePositives) {

    static final TagScore EMPTY = new TagScore(0, 0, 0, 0, 0, 0, 0);

    TagScore add(boolean predicted, HeadlineLabels.Label label) {
        boolean positive = label.positive();
        if (label.holdout()) {
            return new TagScore(truePositives, falsePositives, falseNegatives, randomTruePositives, randomFalsePositives,
                    holdoutTruePositives + (predicted && positive ? 1 : 0), holdoutFalsePositives + (predicted && !positive ? 1 : 0));
        }
        boolean random = label.randomMatch();
        return new TagScore(truePositives + (predicted && positive ? 1 : 0), falsePositives + (predicted && !positive ? 1 : 0),
                falseNegatives + (!predicted && positive ? 1 : 0), randomTruePositives + (random && predicted && positive ? 1 : 0),
                randomFalsePositives + (random && predicted && !positive ? 1 : 0), holdoutTruePositives, holdoutFalsePositives);
    }

    double precision() {
        return ratio(truePositives, truePositives + falsePositives);
    }

    double recall() {
        return ratio(truePositives, truePositives + falseNegatives);
    }

    double randomPrecision() {
        return ratio(randomTruePositives, randomTruePositives + randomFalsePositives);
    }

    double holdoutPrecision() {
        return ratio(holdoutTruePositives, holdoutTruePositives + holdoutFalsePositives);
    }

    int holdoutMatches() {
        return holdoutTruePositives + holdoutFalsePositives;
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? Double.NaN : (double) part / whole;
    }
}
