package io.newswatch.alerts.detect;

import org.apache.commons.numbers.gamma.RegularizedBeta;

/**
 * How surprising a count is when counts are overdispersed: {@code score = -log10 P(X >= n)} for X negative
 * binomial with mean {@code mu} and variance {@code mu + k mu^2}.
 *
 * <p>Why not Poisson: news comes in stories, so a subject's counts swing far more than a Poisson rate allows (a busy
 * subject's day-to-day counts vary by a third where Poisson allows a tenth). The dispersion {@code k} is that extra
 * variance; with {@code k -> 0} this is the Poisson tail. The tail is a regularized incomplete beta function,
 * {@code P(X >= n) = I_{mu/(mu+r)}(n, r)} with {@code r = 1/k}, computed by Apache Commons Numbers.
 */
public final class NegativeBinomialTail {

    /** Scores are capped here: beyond it the probability underflows a double and the ranking no longer matters. */
    public static final double MAX_SCORE = 300.0;

    private NegativeBinomialTail() {
    }

    /** {@code -log10 P(X >= n)}; 0 for {@code n <= 0}. */
    public static double score(long n, double mu, double k) {
        if (n <= 0) {
            return 0.0;
        }
        if (!(mu > 0) || !(k > 0)) {
            throw new IllegalArgumentException("need mean > 0 and dispersion > 0, got mean " + mu + ", dispersion " + k);
        }
        double r = 1.0 / k;
        double tail = RegularizedBeta.value(mu / (mu + r), n, r);
        if (!(tail > 0)) {
            return MAX_SCORE;
        }
        return Math.min(MAX_SCORE, Math.max(0.0, -Math.log10(tail)));
    }
}
