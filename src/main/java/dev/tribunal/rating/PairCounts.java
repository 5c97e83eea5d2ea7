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
     * The given cells, reordered by pair (and, within a pair, as given) and each with a &lt; b: O(cells · log cells).
     *
     * @param position receives, unless null, where each given cell went: cell c is cell position[c] here
     */
    static PairCounts of(int contestants, int[] cellA, int[] cellB, double[] outcome, double[] weight, long[] count,
                         int[] position) {
        int cells = cellA.length;
        long[] keyOfCell = new long[cells];
        for (int c = 0; c < cells; c++) {
            keyOfCell[c] = ((long) Math.min(cellA[c], cellB[c]) << 32) | Math.max(cellA[c], cellB[c]);
        }
        long[] keys = keyOfCell.clone();
        Arrays.sort(keys);
        int pairs = 0;
        for (int k = 0; k < cells; k++) {
            if (k == 0 || keys[k] != keys[k - 1]) keys[pairs++] = keys[k];
        }
        int[] pairOfGiven = new int[cells];
        int[] first = new int[pairs + 1];
        for (int c = 0; c < cells; c++) {
            pairOfGiven[c] = Arrays.binarySearch(keys, 0, pairs, keyOfCell[c]);
            first[pairOfGiven[c] + 1]++;
        }
        for (int p = 0; p < pairs; p++) first[p + 1] += first[p];
        int[] at = position != null ? position : new int[cells];
        for (int c = 0; c < cells; c++) at[c] = first[pairOfGiven[c]]++;   // a stable counting sort
        int[] a = new int[cells];
        int[] b = new int[cells];
        double[] o = new double[cells];
        double[] w = new double[cells];
        long[] n = new long[cells];
        int[] cellPair = new int[cells];
        for (int c = 0; c < cells; c++) {
            int to = at[c];
            boolean swap = cellA[c] > cellB[c];
            a[to] = swap ? cellB[c] : cellA[c];
            b[to] = swap ? cellA[c] : cellB[c];
            o[to] = swap ? 1 - outcome[c] : outcome[c];
            w[to] = weight[c];
            n[to] = count[c];
            cellPair[to] = pairOfGiven[c];
        }
        int[] pairI = new int[pairs];
        int[] pairJ = new int[pairs];
        int[] pairStart = new int[contestants + 1];
        for (int p = 0; p < pairs; p++) {
            pairI[p] = (int) (keys[p] >>> 32);
            pairJ[p] = (int) keys[p];
            pairStart[pairI[p] + 1]++;
        }
        for (int i = 0; i < contestants; i++) pairStart[i + 1] += pairStart[i];
        return new PairCounts(contestants, a, b, o, w, n, cellPair, pairI, pairJ, pairStart);
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
