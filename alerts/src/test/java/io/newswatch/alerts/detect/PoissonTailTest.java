package io.newswatch.alerts.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PoissonTailTest {

    /** Reference: 1 - sum_{k<n} e^-mu mu^k / k!, summed directly (fine for small n and mu). */
    private static double reference(long n, double mu) {
        double term = Math.exp(-mu);
        double cdf = 0;
        for (int k = 0; k < n; k++) {
            cdf += term;
            term *= mu / (k + 1);
        }
        return -Math.log10(1 - cdf);
    }

    @Test
    @DisplayName("matches a direct summation where that is accurate")
    void matchesDirectSummation() {
        for (double mu : new double[] {0.5, 1, 3, 7.5, 20}) {
            for (long n = 1; n <= 25; n++) {
                double ref = reference(n, mu);
                if (ref < 8) { // beyond that 1 - cdf loses digits in the reference itself
                    assertThat(PoissonTail.score(n, mu)).as("n=%d mu=%s", n, mu).isCloseTo(ref, within(1e-6 + ref * 1e-6));
                }
            }
        }
    }

    @Test
    @DisplayName("known values: P(X>=1 | 1) = 1 - 1/e, P(X>=0) = 1")
    void knownValues() {
        assertThat(PoissonTail.score(1, 1.0)).isCloseTo(-Math.log10(1 - Math.exp(-1)), within(1e-12));
        assertThat(PoissonTail.score(0, 3.0)).isZero();
    }

    @Test
    @DisplayName("astronomically unlikely counts give large finite scores, increasing with the count")
    void noUnderflow() {
        double s500 = PoissonTail.score(500, 1.0);
        double s1000 = PoissonTail.score(1000, 1.0);
        assertThat(s500).isFinite().isGreaterThan(300);
        assertThat(s1000).isFinite().isGreaterThan(s500);
    }

    @Test
    @DisplayName("the score grows with the count and falls with the expected rate")
    void monotone() {
        for (long n = 1; n < 60; n++) {
            assertThat(PoissonTail.score(n + 1, 5.0)).isGreaterThanOrEqualTo(PoissonTail.score(n, 5.0));
            assertThat(PoissonTail.score(n, 5.0)).isGreaterThanOrEqualTo(PoissonTail.score(n, 6.0));
        }
    }
}
