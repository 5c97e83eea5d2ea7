package dev.tribunal.rating;

import java.util.Arrays;

/**
 * The aggregated battles: per distinct cell (a, b, outcome, weight) the number of battles, and the unordered
 * pairs {i, j} (i &lt; j) the cells fall in. Per pair, the score of i is
 * s_ij = Σ_cells count · weight · (outcome if i is a, else 1 − outcome); a tie gives each side half a win.
 * Everything Bradley–Terry and its bootstrap need, in O(cells) memory however many battles there are.
 */
final class PairCounts {
    final int contestants;
    final int[] cellA;
    final int[] cellB;
    final double[] outcome;
    final double[] weight;
    final long[] count;
    /**
     * Pair of each cell; the cells are in order of their pairs, so a pass over the cells writes the pairs in order,
     * and each has a &lt; b (a = pairI of its pair: a cell (b, a, o) is stored as the same evidence (a, b, 1 − o)).
     */
    final int[] cellPair;
    /**
     * The pairs in order of (i, j): pairI[p] &lt; pairJ[p], and the pairs of contestant i as the smaller are
     * pairStart[i] … pairStart[i + 1] − 1 (compressed rows). A pass over the pairs can then keep i's running sum
     * in a register and write only the j side: no store waits on the one before (twice as fast as pairs in order
     * of appearance on a dense graph).
     */
    final int[] pairI;
    final int[] pairJ;
    final int[] pairStart;

    private PairCounts(int contestants, int[] cellA, int[] cellB, double[] outcome, double[] weight, long[] count,
                       int[] cellPair, int[] pairI, int[] pairJ, int[] pairStart) {
        this.contestants = contestants;
        this.cellA = cellA;
        this.cellB = cellB;
        this.outcome = outcome;
        this.weight = weight;
        this.count = count;
        this.cellPair = cellPair;
        this.pairI = pairI;
        this.pairJ = pairJ;
        this.pairStart = pairStart;
    }

    /**
     * The given cells, reordered by pair (and, within a pair, as given) and each with a &lt; b: two stable counting
     * sorts, by the larger contestant and then by the smaller, O(cells + contestants).
     *
     * @param position receives, unless null, where each given cell went: cell c is cell position[c] here
     */
    static PairCounts of(int contestants, int[] cellA, int[] cellB, double[] outcome, double[] weight, long[] count,
                         int[] position) {
        int cells = cellA.length;
        int[] small = new int[cells];
        int[] large = new int[cells];
        for (int c = 0; c < cells; c++) {
            small[c] = Math.min(cellA[c], cellB[c]);
            large[c] = Math.max(cellA[c], cellB[c]);
        }
        int[] byPair = countingSort(countingSort(null, contestants, large), contestants, small);
        int[] at = position != null ? position : new int[cells];
        int[] cellPair = new int[cells];
        int[] pairI = new int[cells];
        int[] pairJ = new int[cells];
        int pairs = 0;
        for (int k = 0; k < cells; k++) {
            int c = byPair[k];
            if (k == 0 || small[c] != pairI[pairs - 1] || large[c] != pairJ[pairs - 1]) {
                pairI[pairs] = small[c];
                pairJ[pairs++] = large[c];
            }
            at[c] = k;
            cellPair[k] = pairs - 1;
        }
        int[] a = new int[cells];
        int[] b = new int[cells];
        double[] o = new double[cells];
        double[] w = new double[cells];
        long[] n = new long[cells];
        for (int c = 0; c < cells; c++) {
            int to = at[c];
            a[to] = small[c];
            b[to] = large[c];
            o[to] = cellA[c] > cellB[c] ? 1 - outcome[c] : outcome[c];
            w[to] = weight[c];
            n[to] = count[c];
        }
        int[] pairStart = new int[contestants + 1];
        for (int p = 0; p < pairs; p++) pairStart[pairI[p] + 1]++;
        for (int i = 0; i < contestants; i++) pairStart[i + 1] += pairStart[i];
        return new PairCounts(contestants, a, b, o, w, n, cellPair, Arrays.copyOf(pairI, pairs),
                Arrays.copyOf(pairJ, pairs), pairStart);
    }

    /** The items of {@code order} (null: 0, 1, …, key.length − 1) stably sorted by key[item] ∈ [0, keys). */
    private static int[] countingSort(int[] order, int keys, int[] key) {
        int[] start = new int[keys + 1];
        for (int k : key) start[k + 1]++;
        for (int i = 0; i < keys; i++) start[i + 1] += start[i];
        int[] sorted = new int[key.length];
        for (int k = 0; k < key.length; k++) {
            int item = order == null ? k : order[k];
            sorted[start[key[item]]++] = item;
        }
        return sorted;
    }

    int size() {
        return cellA.length;
    }

    int pairCount() {
        return pairI.length;
    }

    long totalCount() {
        long total = 0;
        for (long c : count) total += c;
        return total;
    }

    double totalWeight() {
        double total = 0;
        for (int c = 0; c < count.length; c++) total += count[c] * weight[c];
        return total;
    }

    /** Pair scores with each cell counted {@code multiplicity[c]} times ({@code count} for the data itself). */
    void pairScores(long[] multiplicity, double[] scoreI, double[] scoreJ) {
        Arrays.fill(scoreI, 0, pairI.length, 0);
        Arrays.fill(scoreJ, 0, pairI.length, 0);
        for (int c = 0; c < cellA.length; c++) {   // in order of the pairs, a cell's a being the pair's i
            double w = multiplicity[c] * weight[c];
            double scoreOfA = w * outcome[c];
            scoreI[cellPair[c]] += scoreOfA;
            scoreJ[cellPair[c]] += w - scoreOfA;
        }
    }

    /** Weighted number of battles per contestant. */
    double[] battlesPerContestant() {
        double[] battles = new double[contestants];
        for (int c = 0; c < cellA.length; c++) {
            double w = count[c] * weight[c];
            battles[cellA[c]] += w;
            battles[cellB[c]] += w;
        }
        return battles;
    }

    /**
     * 100 × weighted mean outcome of each contestant's battles against {@code baseline} (from that contestant's
     * side); NaN for the baseline itself and for contestants that never met it.
     */
    double[] observedWinRates(int baseline) {
        double[] score = new double[contestants];
        double[] total = new double[contestants];
        for (int c = 0; c < cellA.length; c++) {
            double w = count[c] * weight[c];
            if (cellB[c] == baseline) {
                score[cellA[c]] += w * outcome[c];
                total[cellA[c]] += w;
            } else if (cellA[c] == baseline) {
                score[cellB[c]] += w * (1 - outcome[c]);
                total[cellB[c]] += w;
            }
        }
        double[] rate = new double[contestants];
        for (int i = 0; i < contestants; i++) {
            rate[i] = total[i] > 0 && i != baseline ? 100 * score[i] / total[i] : Double.NaN;
        }
        return rate;
    }
}
