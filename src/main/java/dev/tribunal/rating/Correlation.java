package dev.tribunal.rating;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.correlation.KendallsCorrelation;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * How two scores of the same n models agree: Pearson's r, Spearman's ρ (Pearson's r of the ranks, ties given their
 * mean rank) and Kendall's τ-b, as Apache Commons Math computes them, each with a 95 % percentile-bootstrap interval
 * over the models: a round draws n models with replacement (keeping each model's pair of scores), recomputes the
 * coefficient, and the interval is the 2.5 % and 97.5 % quantiles of the rounds (linear interpolation between order
 * statistics, numpy's default, as {@link BoardAgreement}). A round whose draw leaves one side constant has no
 * coefficient and is left out of the quantiles ({@link Coefficient#rounds()} says how many counted). An interval of
 * zero width (every round gave the same value, as when the points lie exactly on a line) would claim a certainty
 * the models cannot give, so there is none (NaN), as for a leaderboard's ratings. Seeded: the same
 * scores and seed give the same intervals. Cost: O(B · n log n) for B rounds (Kendall's τ-b is O(n log n)).
 *
 * @param n        models
 * @param pearson  Pearson's r
 * @param spearman Spearman's ρ
 * @param kendall  Kendall's τ-b
 */
public record Correlation(int n, Coefficient pearson, Coefficient spearman, Coefficient kendall) {

    /** Fewer models than this make no correlation worth reporting (two points always lie on a line). */
    public static final int MIN_MODELS = 3;

    /**
     * @param value  the coefficient on all n models; NaN when one side is constant
     * @param lower  2.5 % bootstrap quantile; NaN without rounds, or when every round gave the same value
     * @param upper  97.5 % bootstrap quantile; NaN without rounds
     * @param rounds bootstrap rounds that had a coefficient
     */
    public record Coefficient(double value, double lower, double upper, int rounds) {
    }

    /**
     * @param x      one score per model
     * @param y      the other score of the same models, in the same order
     * @param rounds bootstrap rounds (0: no intervals)
     * @throws IllegalArgumentException when the arrays differ in length, hold fewer than {@value #MIN_MODELS}
     *                                  models or a value that is not finite, or rounds &lt; 0
     */
    public static Correlation of(double[] x, double[] y, int rounds, long seed) {
        if (x.length != y.length) throw new IllegalArgumentException("x and y differ in length: " + x.length + " and " + y.length);
        if (x.length < MIN_MODELS) throw new IllegalArgumentException("a correlation needs at least " + MIN_MODELS + " models, not " + x.length);
        if (rounds < 0) throw new IllegalArgumentException("rounds must be >= 0: " + rounds);
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) throw new IllegalArgumentException("value " + i + " is not finite");
        }
        int n = x.length;
        double[][] draws = new double[3][rounds];
        int[] counted = new int[3];
        SplittableRandom random = new SplittableRandom(seed);
        double[] rx = new double[n];
        double[] ry = new double[n];
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < n; i++) {
                int pick = random.nextInt(n);
                rx[i] = x[pick];
                ry[i] = y[pick];
            }
            double[] c = coefficients(rx, ry);
            for (int k = 0; k < 3; k++) if (!Double.isNaN(c[k])) draws[k][counted[k]++] = c[k];
        }
        double[] point = coefficients(x, y);
        Coefficient[] result = new Coefficient[3];
        for (int k = 0; k < 3; k++) {
            double[] values = Arrays.copyOf(draws[k], counted[k]);
            result[k] = new Coefficient(point[k], quantile(values, 2.5), quantile(values, 97.5), counted[k]);
        }
        return new Correlation(n, result[0], result[1], result[2]);
    }

    /** {Pearson, Spearman, Kendall τ-b}; NaN where one side is constant. */
    private static double[] coefficients(double[] x, double[] y) {
        if (constant(x) || constant(y)) return new double[] {Double.NaN, Double.NaN, Double.NaN};
        return new double[] {new PearsonsCorrelation().correlation(x, y), new SpearmansCorrelation().correlation(x, y),
                new KendallsCorrelation().correlation(x, y)};
    }

    private static boolean constant(double[] v) {
        for (double d : v) if (d != v[0]) return false;
        return true;
    }

    /** The p % quantile of the values (sorted in place); NaN when there are none or all are equal. */
    private static double quantile(double[] values, double p) {
        Arrays.sort(values);
        if (values.length == 0 || values[0] == values[values.length - 1]) return Double.NaN;
        return new Percentile().withEstimationType(Percentile.EstimationType.R_7).evaluate(values, p);
    }
}
