package dev.tribunal.rating;

import java.util.Arrays;
import java.util.List;

/**
 * Predicted win probabilities from Elo-scale ratings: P(i beats j) = 1 / (1 + 10^((R_j − R_i) / 400)), computed
 * when asked from the n ratings: O(n) memory, where the n × n table would take 800 MB at 10,000 contestants.
 *
 * @param names   the contestants, in leaderboard order
 * @param ratings their ratings, in the same order
 */
public record WinRateMatrix(List<String> names, double[] ratings) {

    public WinRateMatrix {
        names = List.copyOf(names);
        ratings = ratings.clone();
        if (ratings.length != names.size()) {
            throw new IllegalArgumentException(names.size() + " names but " + ratings.length + " ratings");
        }
    }

    /** The matrix of {@code names} with {@code ratings} (same order). */
    public static WinRateMatrix of(List<String> names, double[] ratings) {
        return new WinRateMatrix(names, ratings);
    }

    /** P(a beats b) on the Elo scale (400, base 10). */
    public static double probability(double ratingA, double ratingB) {
        return 1 / (1 + Math.pow(10, (ratingB - ratingA) / 400));
    }

    /** P(names[i] beats names[j]); ½ on the diagonal. */
    public double get(int i, int j) {
        return probability(ratings[i], ratings[j]);
    }

    /** P(a beats b); throws for an unknown name. */
    public double get(String a, String b) {
        return get(indexOf(a), indexOf(b));
    }

    @Override
    public double[] ratings() {
        return ratings.clone();
    }

    /** The whole n × n table, probabilities[i][j] = P(names[i] beats names[j]): O(n²), for small boards. */
    public double[][] probabilities() {
        double[][] p = new double[ratings.length][ratings.length];
        for (int i = 0; i < ratings.length; i++) {
            for (int j = 0; j < ratings.length; j++) p[i][j] = get(i, j);
        }
        return p;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WinRateMatrix matrix && names.equals(matrix.names)
                && Arrays.equals(ratings, matrix.ratings);
    }

    @Override
    public int hashCode() {
        return 31 * names.hashCode() + Arrays.hashCode(ratings);
    }

    @Override
    public String toString() {
        return "WinRateMatrix" + names;
    }

    private int indexOf(String name) {
        int i = names.indexOf(name);
        if (i < 0) throw new IllegalArgumentException("no contestant named " + name);
        return i;
    }
}
