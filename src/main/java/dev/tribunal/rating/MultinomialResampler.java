package dev.tribunal.rating;

import java.util.SplittableRandom;

/**
 * One bootstrap resample of N battles spread over C cells with counts m_c (N = Σ m_c): a Multinomial(N, m/N)
 * draw, made as a chain of conditional binomials k_c ~ Binomial(N − Σ_{c'&lt;c} k_c', m_c / Σ_{c'≥c} m_c'),
 * which costs O(C) however large N is. The conditional probabilities come from the integer counts, so the chain
 * has no rounding drift and the k_c always sum to N. What depends on a cell's probability alone (p ≤ ½ after
 * taking the complement, p/q, ln q) is computed once here, in parallel arrays, not in every round.
 */
final class MultinomialResampler {
    private final long total;
    /** Per cell: the conditional probability, or its complement when that is above ½ ({@link #complement}). */
    private final double[] probability;
    private final double[] odds;
    private final double[] logQ;
    /** Draw the cell's complement count and subtract it from what remains. */
    private final boolean[] complement;

    MultinomialResampler(long[] counts) {
        int cells = counts.length;
        this.probability = new double[cells];
        this.odds = new double[cells];
        this.logQ = new double[cells];
        this.complement = new boolean[cells];
        long remaining = 0;
        for (long c : counts) remaining += c;
        this.total = remaining;
        for (int c = 0; c < cells; c++) {
            double p = remaining > 0 ? (double) counts[c] / remaining : 0;
            complement[c] = p > 0.5;
            if (complement[c]) p = 1 - p;
            probability[c] = p;
            odds[c] = p / (1 - p);
            logQ[c] = Math.log1p(-p);
            remaining -= counts[c];
        }
    }

    /** Writes the resampled count of each cell into {@code drawn}. */
    void resample(SplittableRandom random, long[] drawn) {
        long remaining = total;
        int last = probability.length - 1;
        for (int c = 0; c < last; c++) {
            long k = BinomialSampler.sampleAtMostHalf(remaining, probability[c], odds[c], logQ[c], random);
            if (complement[c]) k = remaining - k;
            drawn[c] = k;
            remaining -= k;
        }
        if (last >= 0) drawn[last] = remaining;
    }
}
