package io.newswatch.bench.tagging;

/**
 * One taxonomy's counts for one tag on the labelled headlines: true and false positives, false negatives, and the
 * same over the labels drawn at random from the matches ({@code match} sample), whose precision estimates the share
 * of right matches in the stream rather than in a set enriched with hard cases.
 */
record TagScore(int truePositives, int falsePositives, int falseNegatives, int randomTruePositives, int randomFalsePositives) {

    static final TagScore EMPTY = new TagScore(0, 0, 0, 0, 0);

    TagScore add(boolean predicted, boolean positive, boolean randomMatch) {
        int tp = truePositives + (predicted && positive ? 1 : 0);
        int fp = falsePositives + (predicted && !positive ? 1 : 0);
        int fn = falseNegatives + (!predicted && positive ? 1 : 0);
        int rtp = randomTruePositives + (randomMatch && predicted && positive ? 1 : 0);
        int rfp = randomFalsePositives + (randomMatch && predicted && !positive ? 1 : 0);
        return new TagScore(tp, fp, fn, rtp, rfp);
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

    private static double ratio(int part, int whole) {
        return whole == 0 ? Double.NaN : (double) part / whole;
    }
}
