package dev.tribunal.rating;

import java.util.SplittableRandom;

/**
 * Exact Binomial(n, p) variates. For n·min(p, 1−p) &lt; 10, inversion by sequential search from 0 (expected
 * O(n·p) steps); above, Hörmann's BTRS ("The generation of binomial random variates", J. Stat. Comput. Simul.
 * 46, 1993): transformed rejection with squeeze, O(1) expected time, accepted against the exact probability
 * ratio f(k)/f(m) of k to the mode m. Near the mode (|k − m| ≤ 15, nearly every candidate) that ratio is the
 * product Π_{j=m+1..k} (p/q)(n − j + 1)/j (or its reciprocal over k &lt; j ≤ m), as in Kachitvichyanukul and
 * Schmeiser's BTPE: no logarithm, and no cancellation between ln (n−m)! and ln (n−k)!, which are ~10⁷ for n ~ 10⁶;
 * further out, ln f(k)/f(m) = ln m! + ln (n−m)! − ln k! − ln (n−k)! + (k − m) ln(p/q).
 * <p>
 * A caller that draws many times with the same p (a bootstrap, per cell) computes p/q and ln q once
 * ({@link #sampleAtMostHalf}).
 */
final class BinomialSampler {
    private static final double[] LOG_FACTORIAL = new double[256];
    /** Farthest distance from the mode at which the acceptance ratio is a product rather than log-factorials. */
    private static final int PRODUCT_REACH = 15;

    static {
        for (int k = 1; k < LOG_FACTORIAL.length; k++) LOG_FACTORIAL[k] = LOG_FACTORIAL[k - 1] + Math.log(k);
    }

    private BinomialSampler() {
    }

    static long sample(long n, double p, SplittableRandom random) {
        if (n <= 0 || p <= 0) return 0;
        if (p >= 1) return n;
        if (p > 0.5) return n - sample(n, 1 - p, random);
        return sampleAtMostHalf(n, p, p / (1 - p), Math.log1p(-p), random);
    }

    /**
     * Binomial(n, p) for p ≤ ½ (0 when p ≤ 0).
     *
     * @param odds p/q with q = 1 − p
     * @param logQ ln q, i.e. {@code Math.log1p(-p)}
     */
    static long sampleAtMostHalf(long n, double p, double odds, double logQ, SplittableRandom random) {
        if (n <= 0 || p <= 0) return 0;
        return n * p < 10 ? inversion(n, odds, logQ, random) : btrs(n, p, odds, random);
    }

    private static long inversion(long n, double odds, double logQ, SplittableRandom random) {
        double probability = Math.exp(n * logQ);             // P(X = 0) = q^n
        double u = random.nextDouble();
        long k = 0;
        while (u > probability && k < n) {
            u -= probability;
            k++;
            probability *= odds * (n - k + 1) / k;            // P(k) = P(k−1)·(p/q)·(n−k+1)/k
        }
        return k;
    }

    private static long btrs(long n, double p, double odds, SplittableRandom random) {
        double q = 1 - p;
        double spq = Math.sqrt(n * p * q);
        double b = 1.15 + 2.53 * spq;
        double a = -0.0873 + 0.0248 * b + 0.01 * p;
        double c = n * p + 0.5;
        double vR = 0.92 - 4.2 / b;
        double alpha = (2.83 + 5.1 / b) * spq;
        long m = (long) Math.floor((n + 1) * p);
        while (true) {
            double u = random.nextDouble() - 0.5;
            double v = random.nextDouble();
            double us = 0.5 - Math.abs(u);
            long k = (long) Math.floor((2 * a / us + b) * u + c);
            if (k < 0 || k > n) continue;
            if (us >= 0.07 && v <= vR) return k;
            double bound = v * alpha / (a / (us * us) + b);
            if (bound <= probabilityRatio(n, odds, k, m)) return k;
        }
    }

    /** f(k)/f(m) for Binomial(n, p) with odds = p/q. */
    private static double probabilityRatio(long n, double odds, long k, long m) {
        if (Math.abs(k - m) > PRODUCT_REACH) {
            return Math.exp(logFactorial(m) + logFactorial(n - m) - logFactorial(k) - logFactorial(n - k)
                    + (k - m) * Math.log(odds));
        }
        double ratio = 1;
        for (long j = m + 1; j <= k; j++) ratio *= odds * (n - j + 1) / j;
        for (long j = k + 1; j <= m; j++) ratio *= j / (odds * (n - j + 1));
        return ratio;
    }

    /** ln k!: a table below 256, else Stirling's series (error below 1e-17 relative there). */
    static double logFactorial(long k) {
        if (k < LOG_FACTORIAL.length) return LOG_FACTORIAL[(int) k];
        double x = k;
        double inverse = 1 / x;
        double inverseSquared = inverse * inverse;
        return (x + 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI)
                + inverse * (1.0 / 12 - inverseSquared * (1.0 / 360 - inverseSquared / 1260));
    }
}
