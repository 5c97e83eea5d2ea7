package dev.tribunal.rating;

/**
 * Chatbot Arena's rank: rank_i = 1 + #{ j : lower_j &gt; upper_i }, the number of contestants that are better than
 * i beyond doubt (their whole interval lies above i's), plus one. Contestants whose intervals overlap share ranks.
 * An unknown bound (NaN: no interval) is unbounded: such a contestant is above no one beyond doubt, and no one is
 * beyond doubt above it.
 */
final class RankRange {

    private RankRange() {
    }

    static int[] upperRanks(double[] lower, double[] upper) {
        int n = lower.length;
        int[] rank = new int[n];
        for (int i = 0; i < n; i++) {
            int above = 0;
            for (int j = 0; j < n; j++) {
                if (lower[j] > upper[i]) above++;   // false whenever either is NaN
            }
            rank[i] = 1 + above;
        }
        return rank;
    }
}
