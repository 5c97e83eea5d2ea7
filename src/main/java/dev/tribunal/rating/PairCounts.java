package dev.tribunal.rating;

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
    /** Pair of each cell. */
    final int[] cellPair;
    /** The pairs: pairI[p] &lt; pairJ[p]. */
    final int[] pairI;
    final int[] pairJ;

    PairCounts(int contestants, int[] cellA, int[] cellB, double[] outcome, double[] weight, long[] count) {
        this.contestants = contestants;
        this.cellA = cellA;
        this.cellB = cellB;
        this.outcome = outcome;
        this.weight = weight;
        this.count = count;
        this.cellPair = new int[cellA.length];
        CellIndex pairs = new CellIndex(1);
        long[] key = new long[1];
        for (int c = 0; c < cellA.length; c++) {
            int i = Math.min(cellA[c], cellB[c]);
            int j = Math.max(cellA[c], cellB[c]);
            key[0] = ((long) i << 32) | j;
            cellPair[c] = pairs.indexOf(key);
        }
        this.pairI = new int[pairs.size()];
        this.pairJ = new int[pairs.size()];
        for (int p = 0; p < pairs.size(); p++) {
            pairI[p] = (int) (pairs.field(p, 0) >>> 32);
            pairJ[p] = (int) pairs.field(p, 0);
        }
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
        java.util.Arrays.fill(scoreI, 0, pairI.length, 0);
        java.util.Arrays.fill(scoreJ, 0, pairI.length, 0);
        for (int c = 0; c < cellA.length; c++) {
            if (multiplicity[c] == 0) continue;
            double w = multiplicity[c] * weight[c];
            int p = cellPair[c];
            double scoreOfA = w * outcome[c];
            double scoreOfB = w - scoreOfA;
            if (cellA[c] == pairI[p]) {
                scoreI[p] += scoreOfA;
                scoreJ[p] += scoreOfB;
            } else {
                scoreI[p] += scoreOfB;
                scoreJ[p] += scoreOfA;
            }
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
