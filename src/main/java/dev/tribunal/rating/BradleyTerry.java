package dev.tribunal.rating;

import java.util.Arrays;

/**
 * Bradley–Terry maximum likelihood on aggregated pair scores.
 * <p>
 * Model: P(i beats j) = π_i / (π_i + π_j) = σ(θ_i − θ_j) with θ = ln π and σ(x) = 1 / (1 + e^−x). With s_ij the
 * (weighted, ties halved, soft) score of i against j and n_ij = s_ij + s_ji, the log-likelihood is
 * <pre>ℓ(θ) = Σ_{i&lt;j} s_ij ln σ(θ_i − θ_j) + s_ji ln σ(θ_j − θ_i),</pre>
 * concave, with gradient g_i = Σ_j (s_ij − n_ij σ(θ_i − θ_j)) and negative Hessian
 * H = Σ_{i&lt;j} n_ij σ(1 − σ) (e_i − e_j)(e_i − e_j)ᵀ, a weighted graph Laplacian. Newton's method solves
 * H Δ = g with one contestant per component held fixed (ℓ is invariant to a shift of a component), with a
 * backtracking line search; it stops when max |Δ| &lt; 1e-11, i.e. at the optimum to machine precision.
 * A fit costs O(pairs + n³) per iteration, whatever the number of battles.
 * <p>
 * When the maximum does not exist in a component (some group never lost, or never won, against the rest of
 * it, see {@link ComparisonGraph}), that component is fitted with one virtual tie of weight {@code priorTie}
 * added to each of its compared pairs (half a win to each side, a weak prior as in Coulom's bayeselo), which
 * keeps every θ finite. Where the maximum exists nothing is added. The result is centred to mean 0 per component.
 */
final class BradleyTerry {
    private static final double STEP_TOLERANCE = 1e-11;
    private static final int MAX_ITERATIONS = 200;

    private final int n;
    private final int[] pairI;
    private final int[] pairJ;

    BradleyTerry(int n, int[] pairI, int[] pairJ) {
        this.n = n;
        this.pairI = pairI;
        this.pairJ = pairJ;
    }

    static BradleyTerry of(PairCounts counts) {
        return new BradleyTerry(counts.contestants, counts.pairI, counts.pairJ);
    }

    /**
     * @param logStrength  θ per contestant, mean 0 per component; NaN for contestants without battles
     * @param graph        the comparison graph of the data (before any prior)
     * @param priorApplied true when some component had no maximum and got the virtual ties
     */
    record Fit(double[] logStrength, ComparisonGraph graph, boolean priorApplied, int iterations) {
    }

    /**
     * Fits θ to the pair scores.
     *
     * @param start    starting θ (warm start), or null for all zero
     * @param priorTie weight of the virtual tie per pair used only where the maximum does not exist
     */
    Fit fit(double[] scoreI, double[] scoreJ, double[] start, double priorTie) {
        ComparisonGraph graph = ComparisonGraph.of(n, pairI, pairJ, scoreI, scoreJ);
        boolean prior = !graph.estimable();
        double[] sI = scoreI;
        double[] sJ = scoreJ;
        if (prior) {
            sI = scoreI.clone();
            sJ = scoreJ.clone();
            for (int p = 0; p < pairI.length; p++) {
                int c = graph.component[pairI[p]];
                if (c >= 0 && !graph.stronglyConnected[c] && scoreI[p] + scoreJ[p] > 0) {
                    sI[p] += priorTie / 2;
                    sJ[p] += priorTie / 2;
                }
            }
        }
        boolean[] fixed = fixedContestants(graph);
        double[] theta = new double[n];
        if (start != null) {
            for (int i = 0; i < n; i++) theta[i] = Double.isFinite(start[i]) ? start[i] : 0;
        }
        int iterations = newton(theta, sI, sJ, fixed);
        centre(theta, graph);
        return new Fit(theta, graph, prior, iterations);
    }

    /** One contestant per component (its first) and every contestant without battles stay where they are. */
    private boolean[] fixedContestants(ComparisonGraph graph) {
        boolean[] fixed = new boolean[n];
        boolean[] rooted = new boolean[graph.components];
        for (int i = 0; i < n; i++) {
            int c = graph.component[i];
            if (c < 0 || !rooted[c]) fixed[i] = true;
            if (c >= 0) rooted[c] = true;
        }
        return fixed;
    }

    private int newton(double[] theta, double[] sI, double[] sJ, boolean[] fixed) {
        double[] hessian = new double[n * n];
        double[] step = new double[n];
        double negativeLogLikelihood = Double.NaN;
        for (int iteration = 1; iteration <= MAX_ITERATIONS; iteration++) {
            Arrays.fill(hessian, 0);
            Arrays.fill(step, 0);
            for (int p = 0; p < pairI.length; p++) {
                double total = sI[p] + sJ[p];
                if (total == 0) continue;
                int i = pairI[p];
                int j = pairJ[p];
                double sigma = sigmoid(theta[i] - theta[j]);
                double residual = sI[p] - total * sigma;
                double curvature = total * sigma * (1 - sigma);
                step[i] += residual;
                step[j] -= residual;
                hessian[i * n + i] += curvature;
                hessian[j * n + j] += curvature;
                hessian[i * n + j] -= curvature;
                hessian[j * n + i] -= curvature;
            }
            for (int k = 0; k < n; k++) {
                if (fixed[k]) {
                    for (int m = 0; m < n; m++) {
                        hessian[k * n + m] = 0;
                        hessian[m * n + k] = 0;
                    }
                    hessian[k * n + k] = 1;
                    step[k] = 0;
                } else {
                    hessian[k * n + k] *= 1 + 1e-14;   // guards the factorisation against round-off only
                }
            }
            double[] gradient = step.clone();
            PositiveDefiniteSystem.solve(hessian, n, step);
            double ascent = 0;
            double largest = 0;
            for (int k = 0; k < n; k++) {
                ascent += gradient[k] * step[k];
                largest = Math.max(largest, Math.abs(step[k]));
            }
            negativeLogLikelihood = LineSearch.descend(theta, step, largest, negativeLogLikelihood, -ascent,
                    x -> -logLikelihood(x, sI, sJ));
            if (largest < STEP_TOLERANCE) return iteration;
        }
        return MAX_ITERATIONS;
    }

    private double logLikelihood(double[] theta, double[] sI, double[] sJ) {
        double sum = 0;
        for (int p = 0; p < pairI.length; p++) {
            double total = sI[p] + sJ[p];
            if (total == 0) continue;
            double d = theta[pairI[p]] - theta[pairJ[p]];
            sum += total * logSigmoid(d) - sJ[p] * d;   // ln σ(−d) = ln σ(d) − d
        }
        return sum;
    }

    private void centre(double[] theta, ComparisonGraph graph) {
        double[] sum = new double[graph.components];
        int[] size = new int[graph.components];
        for (int i = 0; i < n; i++) {
            int c = graph.component[i];
            if (c >= 0) {
                sum[c] += theta[i];
                size[c]++;
            }
        }
        for (int i = 0; i < n; i++) {
            int c = graph.component[i];
            theta[i] = c >= 0 ? theta[i] - sum[c] / size[c] : Double.NaN;
        }
    }

    static double sigmoid(double x) {
        return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    }

    /**
     * ln σ(x) = −ln(1 + e^−|x|) + min(x, 0), without overflow. Math.log(1 + e) rather than log1p: the absolute
     * error stays below 1e-16, which is all a log-likelihood sum needs, at a fraction of log1p's cost.
     */
    static double logSigmoid(double x) {
        double log = Math.log(1 + Math.exp(-Math.abs(x)));
        return x >= 0 ? -log : x - log;
    }
}
