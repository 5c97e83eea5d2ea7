package dev.tribunal.rating;

import java.util.Arrays;

/**
 * Online Elo: every contestant starts at R₀ and each battle (a, b, outcome S, weight w), in the given order,
 * moves both ratings by K·w·(S − E) with E = 1 / (1 + 10^((R_b − R_a)/400)) the expected score of a:
 * <pre>R_a ← R_a + K·w·(S − E),   R_b ← R_b − K·w·(S − E).</pre>
 * The updates are zero-sum, so the mean rating stays R₀. Immutable; O(battles).
 */
final class OnlineElo {
    private final double k;
    private final double initial;

    OnlineElo(double k, double initial) {
        this.k = k;
        this.initial = initial;
    }

    /** Ratings after the battles {@code order[0]}, {@code order[1]}, … of {@code rows}. */
    double[] ratings(int contestants, BattleRows rows, int[] order) {
        double[] rating = new double[contestants];
        Arrays.fill(rating, initial);
        for (int r : order) {
            int a = rows.a[r];
            int b = rows.b[r];
            double expected = 1 / (1 + Math.pow(10, (rating[b] - rating[a]) / 400));
            double change = k * rows.weight[r] * (rows.outcome[r] - expected);
            rating[a] += change;
            rating[b] -= change;
        }
        return rating;
    }
}
