package dev.tribunal.rating;

import java.util.Arrays;
import java.util.List;

/**
 * Predicted win probabilities from Elo-scale ratings: P(i beats j) = 1 / (1 + 10^((R_j − R_i) / 400)).
 *
 * @param names         the contestants, in leaderboard order
 * @param probabilities probabilities[i][j] = P(names[i] beats names[j]); ½ on the diagonal
 */
public record WinRateMatrix(List<String> names, double[][] probabilities) {

    public WinRateMatrix {
        names = List.copyOf(names);
        probabilities = deepCopy(probabilities);
        if (probabilities.length != names.size()) {
            throw new IllegalArgumentException(names.size() + " names but " + probabilities.length + " rows");
        }
    }

    /** The matrix of {@code names} with {@code ratings} (same order). */
    public static WinRateMatrix of(List<String> names, double[] ratings) {
        if (names.size() != ratings.length) {
            throw new IllegalArgumentException(names.size() + " names but " + ratings.length + " ratings");
        }
        double[][] p = new double[ratings.length][ratings.length];
        for (int i = 0; i < ratings.length; i++) {
            for (int j = 0; j < ratings.length; j++) p[i][j] = probability(ratings[i], ratings[j]);
        }
        return new WinRateMatrix(names, p);
    }

    /** P(a beats b) on the Elo scale (400, base 10). */
    public static double probability(double ratingA, double ratingB) {
        return 1 / (1 + Math.pow(10, (ratingB - ratingA) / 400));
    }

    /** P(names[i] beats names[j]). */
    public double get(int i, int j) {
        return probabilities[i][j];
    }

    /** P(a beats b); throws for an unknown name. */
    public double get(String a, String b) {
        return get(indexOf(a), indexOf(b));
    }

    @Override
    public double[][] probabilities() {
        return deepCopy(probabilities);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WinRateMatrix matrix && names.equals(matrix.names)
                && Arrays.deepEquals(probabilities, matrix.probabilities);
    }

    @Override
    public int hashCode() {
        return 31 * names.hashCode() + Arrays.deepHashCode(probabilities);
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

    private static double[][] deepCopy(double[][] rows) {
        double[][] copy = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) copy[i] = rows[i].clone();
        return copy;
    }
}
