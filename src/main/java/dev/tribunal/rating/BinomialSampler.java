package dev.tribunal.rating;

import java.util.SplittableRandom;

/**
 * Exact Binomial(n, p) variates. For n·min(p, 1−p) &lt; 10, inversion by sequential search from 0 (expected
 * O(n·p) steps); above, Hörmann's BTRS ("The generation of binomial random variates", J. Stat. Comput. Simul.
 * 46, 1993): transformed rejection with squeeze, O(1) expected time, accepted against the exact probability
 * ratio ln f(k)/f(m) = ln m! + ln (n−m)! − ln k! − ln (n−k)! + (k − m) ln(p/q).
 */
final class BinomialSampler {
    private static final double[] LOG_FACTORIAL = new double[256];

    static {
        for (int k = 1; k < LOG_FACTORIAL.length; k++) LOG_FACTORIAL[k] = LOG_FACTORIAL[k - 1] + Math.log(k);
    }

    private BinomialSampler() {
    }

    static long sample(long n, double p, SplittableRandom random) {
        if (n <= 0 || p <= 0) return 0;
        if (p >= 1) return n;
        if (p > 0.5) return n - sample(n, 1 - p, random);
        return n * p < 10 ? inversion(n, p, random) : btrs(n, p, random);
    }

    private static long inversion(long n, double p, SplittableRandom random) {
        double q = 1 - p;
        double odds = p / q;
        double probability = Math.exp(n * Math.log1p(-p));   // P(X = 0) = q^n
        double u = random.nextDouble();
        long k = 0;
        while (u > probability && k < n) {
            u -= probability;
            k++;
            probability *= odds * (n - k + 1) / k;            // P(k) = P(k−1)·(p/q)·(n−k+1)/k
        }
        return k;
    }

    private static long btrs(long n, double p, SplittableRandom random) {
        double q = 1 - p;
        double spq = Math.sqrt(n * p * q);
        double b = 1.15 + 2.53 * spq;
        double a = -0.0873 + 0.0248 * b + 0.01 * p;
        double c = n * p + 0.5;
        double vR = 0.92 - 4.2 / b;
        double alpha = (2.83 + 5.1 / b) * spq;
        double logOdds = Math.log(p / q);
        long m = (long) Math.floor((n + 1) * p);
        double h = logFactorial(m) + logFactorial(n - m);
        while (true) {
            double u = random.nextDouble() - 0.5;
            double v = random.nextDouble();
            double us = 0.5 - Math.abs(u);
            long k = (long) Math.floor((2 * a / us + b) * u + c);
            if (k < 0 || k > n) continue;
            if (us >= 0.07 && v <= vR) return k;
            double logV = Math.log(v * alpha / (a / (us * us) + b));
            if (logV <= h - logFactorial(k) - logFactorial(n - k) + (k - m) * logOdds) return k;
        }
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
