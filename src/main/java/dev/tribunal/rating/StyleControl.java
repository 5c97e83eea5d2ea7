package dev.tribunal.rating;

import java.util.Arrays;

/**
 * Bradley–Terry with style covariates, as Arena-Hard and Chatbot Arena fit it: an L2-regularised logistic
 * regression without intercept.
 * <p>
 * Each battle enters twice; a decisive battle has the same label in both copies, a tie y = 1 in one and y = 0
 * in the other, so a battle with outcome o contributes 2·w·[o·L(z, 1) + (1 − o)·L(z, 0)] with L the logistic
 * loss and w its weight. The linear predictor is z = ln10·(β_a − β_b) + Σ_k f_k β_{n+k}, where f_k is the style
 * feature d_k = (a_k − b_k)/(a_k + b_k + 1) standardised by its mean and population standard deviation over the
 * (weighted) battles. The fit minimises
 * <pre>F(β) = ½‖β‖² + Σ_battles 2·w·[o·ln(1 + e^−z) + (1 − o)·ln(1 + e^z)]</pre>
 * (scikit-learn's default L2 with C = 1, the penalty on every coefficient) by Newton's method:
 * ∇F = β + Σ 2w(σ(z) − o)x, ∇²F = I + Σ 2w σ(z)(1 − σ(z)) x xᵀ, with a backtracking line search, until
 * max |Δβ| &lt; 1e-11. F is strictly convex, so the optimum is unique whatever the data. Ratings with style held
 * equal are 400·β_model (then anchored); β_{n..n+3} are the style coefficients. Rows with identical
 * (a, b, outcome, weight, features) are aggregated, so a fit costs O(cells·36 + (n + 4)³) per iteration.
 */
final class StyleControl {
    static final int FEATURES = StyleCells.FEATURES;
    private static final double LN10 = Math.log(10);
    private static final double STEP_TOLERANCE = 1e-11;
    static final int MAX_ITERATIONS = 200;

    private final int n;
    private final StyleCells cells;
    /** Standardised features, FEATURES per cell. */
    private final double[] features;
    /** Features with zero spread (left at 0 after standardisation: they carry no information). */
    final boolean[] constant = new boolean[FEATURES];

    private final int maxIterations;

    StyleControl(int contestants, StyleCells cells, int maxIterations) {
        this.n = contestants;
        this.maxIterations = maxIterations;
        this.cells = cells;
        this.features = standardise(cells, constant);
    }

    /**
     * @param beta      n model coefficients, then the FEATURES style coefficients
     * @param graph     who played whom in the fitted battles
     * @param converged the stopping rule held (false: the iteration limit was hit, or no damped step decreased F)
     * @param lastStep  max |Δβ| of the last step
     */
    record Fit(double[] beta, ComparisonGraph graph, int iterations, boolean converged, double lastStep) {
    }

    private record Outcome(int iterations, boolean converged, double lastStep) {
    }

    /** Fits with each cell counted {@code multiplicity[c]} times ({@code cells.count} for the data itself). */
    Fit fit(long[] multiplicity, double[] start) {
        int dimension = n + FEATURES;
        double[] weight = new double[cells.size()];
        double[] scoreA = new double[cells.size()];
        double[] scoreB = new double[cells.size()];
        for (int c = 0; c < weight.length; c++) {
            weight[c] = 2 * multiplicity[c] * cells.weight[c];
            scoreA[c] = weight[c] * cells.outcome[c];
            scoreB[c] = weight[c] - scoreA[c];
        }
        ComparisonGraph graph = ComparisonGraph.of(n, cells.cellA, cells.cellB, scoreA, scoreB);
        double[] beta = start == null ? new double[dimension] : start.clone();
        for (int k = 0; k < dimension; k++) {
            if (!Double.isFinite(beta[k]) || (k < n && graph.component[k] < 0)) beta[k] = 0;
        }
        Outcome outcome = newton(beta, weight);
        return new Fit(beta, graph, outcome.iterations(), outcome.converged(), outcome.lastStep());
    }

    private Outcome newton(double[] beta, double[] weight) {
        int dimension = beta.length;
        double[] hessian = new double[dimension * dimension];
        double[] gradient = new double[dimension];
        double[] step = new double[dimension];
        int[] index = new int[2 + FEATURES];
        double[] x = new double[2 + FEATURES];
        double objective = Double.NaN;
        double largest = Double.NaN;
        for (int iteration = 1; iteration <= maxIterations; iteration++) {
            Arrays.fill(hessian, 0);
            for (int k = 0; k < dimension; k++) {
                gradient[k] = beta[k];
                hessian[k * dimension + k] = 1;
            }
            for (int c = 0; c < weight.length; c++) {
                if (weight[c] == 0) continue;
                int m = row(c, index, x);
                double sigma = BradleyTerry.sigmoid(predictor(beta, index, x, m));
                double residual = weight[c] * (sigma - cells.outcome[c]);
                double curvature = weight[c] * sigma * (1 - sigma);
                for (int u = 0; u < m; u++) {
                    gradient[index[u]] += residual * x[u];
                    int rowU = index[u] * dimension;
                    double cu = curvature * x[u];
                    for (int v = 0; v < m; v++) hessian[rowU + index[v]] += cu * x[v];
                }
            }
            double slope = 0;
            largest = 0;
            for (int k = 0; k < dimension; k++) step[k] = -gradient[k];
            PositiveDefiniteSystem.solve(hessian, dimension, step);
            for (int k = 0; k < dimension; k++) {
                slope += gradient[k] * step[k];
                largest = Math.max(largest, Math.abs(step[k]));
            }
            LineSearch.Step moved = LineSearch.descend(beta, step, largest, objective, slope, b -> objective(b, weight));
            if (!moved.decreased()) return new Outcome(iteration, false, largest);
            objective = moved.value();
            if (largest < STEP_TOLERANCE) return new Outcome(iteration, true, largest);
        }
        return new Outcome(maxIterations, false, largest);
    }

    private double objective(double[] beta, double[] weight) {
        double sum = 0;
        for (double b : beta) sum += b * b / 2;
        int[] index = new int[2 + FEATURES];
        double[] x = new double[2 + FEATURES];
        for (int c = 0; c < weight.length; c++) {
            if (weight[c] == 0) continue;
            int m = row(c, index, x);
            double z = predictor(beta, index, x, m);
            double o = cells.outcome[c];
            sum -= weight[c] * (BradleyTerry.logSigmoid(z) - (1 - o) * z);   // ln σ(−z) = ln σ(z) − z
        }
        return sum;
    }

    /** The non-zero entries of cell c's row x: ±ln10 in the two model columns, then the features. */
    private int row(int c, int[] index, double[] x) {
        index[0] = cells.cellA[c];
        x[0] = LN10;
        index[1] = cells.cellB[c];
        x[1] = -LN10;
        for (int k = 0; k < FEATURES; k++) {
            index[2 + k] = n + k;
            x[2 + k] = features[c * FEATURES + k];
        }
        return 2 + FEATURES;
    }

    private static double predictor(double[] beta, int[] index, double[] x, int m) {
        double z = 0;
        for (int u = 0; u < m; u++) z += beta[index[u]] * x[u];
        return z;
    }

    /** (d − mean) / sd per feature, mean and population sd weighted by count × weight. */
    private static double[] standardise(StyleCells cells, boolean[] constant) {
        double total = 0;
        double[] mean = new double[FEATURES];
        for (int c = 0; c < cells.size(); c++) {
            double w = cells.count[c] * cells.weight[c];
            total += w;
            for (int k = 0; k < FEATURES; k++) mean[k] += w * cells.features[c * FEATURES + k];
        }
        double[] variance = new double[FEATURES];
        for (int k = 0; k < FEATURES; k++) mean[k] /= total;
        for (int c = 0; c < cells.size(); c++) {
            double w = cells.count[c] * cells.weight[c];
            for (int k = 0; k < FEATURES; k++) {
                double d = cells.features[c * FEATURES + k] - mean[k];
                variance[k] += w * d * d;
            }
        }
        double[] sd = new double[FEATURES];
        for (int k = 0; k < FEATURES; k++) {
            sd[k] = Math.sqrt(variance[k] / total);
            constant[k] = !(sd[k] > 1e-12 * Math.max(1, Math.abs(mean[k])));
        }
        double[] standardised = new double[cells.features.length];
        for (int c = 0; c < cells.size(); c++) {
            for (int k = 0; k < FEATURES; k++) {
                int at = c * FEATURES + k;
                standardised[at] = constant[k] ? 0 : (cells.features[at] - mean[k]) / sd[k];
            }
        }
        return standardised;
    }
}
