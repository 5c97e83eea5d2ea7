package dev.tribunal.rating;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Predicted win probabilities from Elo-scale ratings: P(i beats j) = 1 / (1 + 10^((R_j − R_i) / 400)).
 * Immutable.
 */
public final class WinRateMatrix {
    private final List<String> names;
    private final double[] ratings;
    private final Map<String, Integer> index = new HashMap<>();

    private WinRateMatrix(List<String> names, double[] ratings) {
        this.names = List.copyOf(names);
        this.ratings = ratings.clone();
        for (int i = 0; i < this.names.size(); i++) index.put(this.names.get(i), i);
    }

    /** The matrix of {@code names} with {@code ratings} (same order). */
    public static WinRateMatrix of(List<String> names, double[] ratings) {
        if (names.size() != ratings.length) {
            throw new IllegalArgumentException(names.size() + " names but " + ratings.length + " ratings");
        }
        return new WinRateMatrix(names, ratings);
    }

    /** P(a beats b) on the Elo scale (400, base 10). */
    public static double probability(double ratingA, double ratingB) {
        return 1 / (1 + Math.pow(10, (ratingB - ratingA) / 400));
    }

    public List<String> names() {
        return names;
    }

    public int size() {
        return names.size();
    }

    /** P(names[i] beats names[j]). */
    public double get(int i, int j) {
        return probability(ratings[i], ratings[j]);
    }

    /** P(a beats b); throws for an unknown name. */
    public double get(String a, String b) {
        return get(indexOf(a), indexOf(b));
    }

    /** The whole matrix, row = the first contestant. */
    public double[][] toArray() {
        int n = ratings.length;
        double[][] p = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) p[i][j] = get(i, j);
        }
        return p;
    }

    private int indexOf(String name) {
        Integer i = index.get(name);
        if (i == null) throw new IllegalArgumentException("no contestant named " + name);
        return i;
    }
}
