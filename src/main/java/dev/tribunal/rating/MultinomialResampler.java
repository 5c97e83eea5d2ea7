package dev.tribunal.rating;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * One bootstrap resample of N battles spread over C cells with counts m_c (N = Σ m_c): a Multinomial(N, m/N)
 * draw, made whichever of two exact ways costs less.
 * <ul>
 *   <li><b>Chain of binomials</b>, O(C) however large N is: k_c ~ Binomial(N − Σ_{c'&lt;c} k_c', m_c / Σ_{c'≥c} m_c').
 *       The conditional probabilities come from the integer counts, so the chain has no rounding drift and the k_c
 *       always sum to N. What depends on a cell's probability alone (p ≤ ½ after taking the complement, p/q, ln q)
 *       is computed once here, in parallel arrays, not in every round. About 50 ns a cell.</li>
 *   <li><b>Blocks, then battles</b>, O(C/256 + N), when most cells hold one or two battles (N &lt; 10·C: many
 *       contestants, few battles per pair). Consecutive cells are grouped into blocks of at least 256 battles; the
 *       chain of binomials draws how many of the N battles fall in each block (the multinomial of the block totals),
 *       then each of a block's K_b draws picks one of its battles uniformly and adds one to that battle's cell (the
 *       multinomial of the block's cells given K_b). A battle of a block of s is ⌊x·s / 2³²⌋ for 32 random bits x,
 *       x drawn again when x·s mod 2³² &lt; 2³² mod s (Lemire's multiply-and-shift: exactly uniform, no division
 *       per draw, two draws per 64-bit output). The two stages compose to exactly Multinomial(N, m/N); the
 *       second touches only the block's own cells (a few KB), so it runs from cache at a few ns a battle, where drawing
 *       N battles from the whole set would miss the cache on nearly every draw. It keeps the cell of every
 *       battle: 4 bytes a battle, at most 40 bytes a cell.</li>
 * </ul>
 * Both give the same distribution; for a given generator they give different draws.
 */
final class MultinomialResampler {
    /** Blocks, then battles, below this many battles per cell. */
    static final int BATTLES_PER_CELL = 10;
    /**
     * Measured (thread cpu per resample of 1M battles): 64 → 128 took 500 contestants from 2.6 to 2.3 ms (fewer
     * binomials in the chain over the blocks); 128 → 256 takes the chain from 0.33 to 0.18 ms at 500 and 1,000
     * contestants while the draws within the blocks stay at 1.7–1.9 ms (noise); 384 and 512 shorten the chain
     * further but made the draws at 1,000 slower (a block's cells no longer stay in the nearest cache).
     */
    private static final int BLOCK_BATTLES = 256;

    /** How a resample is drawn. */
    enum Method { BINOMIAL_CHAIN, BLOCKS_THEN_BATTLES }

    private final int cells;
    private final Method method;
    /** The chain over the cells, or over the blocks. */
    private final Chain chain;
    /** Blocks: cells of block b are blockCell[b] … blockCell[b + 1] − 1, its battles blockBattle[b] … */
    private final int[] blockBattle;
    private final int[] cellOfBattle;

    MultinomialResampler(long[] counts) {
        this(counts, choose(counts));
    }

    MultinomialResampler(long[] counts, Method method) {
        this.cells = counts.length;
        this.method = method;
        if (method == Method.BINOMIAL_CHAIN) {
            chain = new Chain(counts);
            blockBattle = cellOfBattle = null;
            return;
        }
        long total = 0;
        for (long c : counts) total += c;
        if (total > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("too many battles to draw one by one: " + total);
        cellOfBattle = new int[(int) total];
        int[] starts = new int[cells + 2];
        long[] blockTotals = new long[cells + 1];
        int blocks = 0;
        int at = 0;
        int blockStart = 0;
        for (int c = 0; c < cells; c++) {
            for (long k = 0; k < counts[c]; k++) cellOfBattle[at++] = c;
            if (at - blockStart >= BLOCK_BATTLES || c == cells - 1) {
                starts[blocks] = blockStart;
                blockTotals[blocks++] = at - blockStart;
                blockStart = at;
            }
        }
        starts[blocks] = at;
        blockBattle = Arrays.copyOf(starts, blocks + 1);
        chain = new Chain(Arrays.copyOf(blockTotals, blocks));
    }

    /** Blocks, then battles, when N &lt; {@value #BATTLES_PER_CELL}·C, else the chain of binomials. */
    static Method choose(long[] counts) {
        long total = 0;
        for (long c : counts) total += c;
        return total < (long) BATTLES_PER_CELL * counts.length ? Method.BLOCKS_THEN_BATTLES : Method.BINOMIAL_CHAIN;
    }

    Method method() {
        return method;
    }

    /** Writes the resampled count of each cell into {@code drawn}. */
    void resample(SplittableRandom random, long[] drawn) {
        if (method == Method.BINOMIAL_CHAIN) {
            chain.draw(random, drawn);
            return;
        }
        int blocks = blockBattle.length - 1;
        long[] perBlock = new long[blocks];
        chain.draw(random, perBlock);
        Arrays.fill(drawn, 0, cells, 0);
        for (int b = 0; b < blocks; b++) {
            int first = blockBattle[b];
            long size = blockBattle[b + 1] - first;
            long rejectBelow = (1L << 32) % size;
            for (long k = perBlock[b]; k > 0; ) {
                long bits = random.nextLong();
                for (int half = 0; half < 2 && k > 0; half++, bits <<= 32) {
                    long scaled = (bits >>> 32) * size;
                    if ((scaled & 0xFFFFFFFFL) < rejectBelow) continue;
                    drawn[cellOfBattle[first + (int) (scaled >>> 32)]]++;
                    k--;
                }
            }
        }
    }

    /** The chain of conditional binomials over some counts, with each step's constants computed once. */
    private static final class Chain {
        private final long total;
        /** Per count: the conditional probability, or its complement when that is above ½ ({@link #complement}). */
        private final double[] probability;
        private final double[] odds;
        private final double[] logQ;
        /** Draw the complement count and subtract it from what remains. */
        private final boolean[] complement;

        Chain(long[] counts) {
            int size = counts.length;
            probability = new double[size];
            odds = new double[size];
            logQ = new double[size];
            complement = new boolean[size];
            long remaining = 0;
            for (long c : counts) remaining += c;
            total = remaining;
            for (int c = 0; c < size; c++) {
                double p = remaining > 0 ? (double) counts[c] / remaining : 0;
                complement[c] = p > 0.5;
                if (complement[c]) p = 1 - p;
                probability[c] = p;
                odds[c] = p / (1 - p);
                logQ[c] = Math.log1p(-p);
                remaining -= counts[c];
            }
        }

        void draw(SplittableRandom random, long[] drawn) {
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
}
