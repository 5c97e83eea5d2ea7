package dev.tribunal.rating;

import java.util.SplittableRandom;

/**
 * One bootstrap resample of N battles spread over C cells with counts m_c (N = Σ m_c): a Multinomial(N, m/N)
 * draw, made as a chain of conditional binomials k_c ~ Binomial(N − Σ_{c'&lt;c} k_c', m_c / Σ_{c'≥c} m_c'),
 * which costs O(C) however large N is. The conditional probabilities come from the integer counts, so the chain
 * has no rounding drift and the k_c always sum to N.
 */
final class MultinomialResampler {
    private final long[] counts;
    private final double[] conditional;

    MultinomialResampler(long[] counts) {
        this.counts = counts;
        this.conditional = new double[counts.length];
        long remaining = 0;
        for (long c : counts) remaining += c;
        for (int c = 0; c < counts.length; c++) {
            conditional[c] = remaining > 0 ? (double) counts[c] / remaining : 0;
            remaining -= counts[c];
        }
    }

    /** Writes the resampled count of each cell into {@code drawn}. */
    void resample(SplittableRandom random, long[] drawn) {
        long remaining = 0;
        for (long c : counts) remaining += c;
        for (int c = 0; c < counts.length; c++) {
            long k = c == counts.length - 1 ? remaining : BinomialSampler.sample(remaining, conditional[c], random);
            drawn[c] = k;
            remaining -= k;
        }
    }
}
