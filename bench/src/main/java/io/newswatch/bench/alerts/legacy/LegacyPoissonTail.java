package io.newswatch.bench.alerts.legacy;


/**
 * How surprising a count is under a Poisson rate: {@code score = -log10 P(X >= n | mu)}.
 *
 * <p>Computed in log space so that very unlikely counts (scores of 50 or 300) do not underflow to
 * infinity, and without any library: the sum of the tail's terms converges geometrically once past the
 * mean, and below the mean the complement (the CDF) is summed instead.
 */
public final class LegacyPoissonTail {

    private static final double LN10 = Math.log(10);
    private static final int MAX_TERMS = 100_000;

    private LegacyPoissonTail() {
    }

    /** {@code -log10 P(X >= n)} for X ~ Poisson(mu); 0 for n <= 0. */
    public static double score(long n, double mu) {
        if (n <= 0) {
            return 0.0;
        }
        if (!(mu > 0)) {
            throw new IllegalArgumentException("Poisson mean must be > 0, got " + mu);
        }
        if (n > mu) {
            return -logUpperTail(n, mu) / LN10;
        }
        // Below the mean the tail is large; 1 - CDF(n-1) is accurate there and cheap to sum downwards.
        double cdf = Math.exp(logCdf(n - 1, mu));
        double tail = Math.max(0.0, 1.0 - cdf);
        return tail <= 0 ? -logUpperTail(n, mu) / LN10 : -Math.log10(tail);
    }

    /** ln P(X >= n), n > mu: terms after n shrink by mu/(k+1) < 1 each step. */
    static double logUpperTail(long n, double mu) {
        double logFirst = logPmf(n, mu);
        double sum = 1.0;
        double ratio = 1.0;
        for (long k = n + 1, i = 0; i < MAX_TERMS; k++, i++) {
            ratio *= mu / k;
            sum += ratio;
            if (ratio < 1e-17 * sum) {
                break;
            }
        }
        return logFirst + Math.log(sum);
    }

    /** ln P(X <= m), m < mu: terms below m shrink by k/mu each step down. */
    static double logCdf(long m, double mu) {
        if (m < 0) {
            return Double.NEGATIVE_INFINITY;
        }
        double logLast = logPmf(m, mu);
        double sum = 1.0;
        double ratio = 1.0;
        for (long k = m; k > 0; k--) {
            ratio *= k / mu;
            sum += ratio;
            if (ratio < 1e-17 * sum) {
                break;
            }
        }
        return logLast + Math.log(sum);
    }

    static double logPmf(long k, double mu) {
        return -mu + k * Math.log(mu) - logGamma(k + 1.0);
    }

    /** Lanczos approximation (g = 7, n = 9), accurate to ~15 digits for x > 0. */
    static double logGamma(double x) {
        if (x < 0.5) {
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        }
        double[] c = {0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
                -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
                1.5056327351493116e-7};
        x -= 1;
        double a = c[0];
        double t = x + 7.5;
        for (int i = 1; i < 9; i++) {
            a += c[i] / (x + i);
        }
        return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
    }
}
