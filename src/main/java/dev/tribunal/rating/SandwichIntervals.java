package dev.tribunal.rating;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Analytic 95 % intervals of Bradley–Terry ratings from the sandwich (robust) covariance of the maximum-likelihood
 * estimate θ̂ (Huber 1967; White 1980), cluster-robust when the battles' units were kept (Liang and Zeger 1986):
 * <pre>Cov(θ̂) ≈ H⁺ J H⁺,   J = G/(G − 1) · Σ_units s_u s_uᵀ   (no units: J = Σ_battles s_b s_bᵀ),</pre>
 * with H the negative Hessian of ℓ at θ̂ (the weighted Laplacian Σ_pairs n_ij σ(1 − σ)(e_i − e_j)(e_i − e_j)ᵀ) and
 * s the score contribution of a battle (a, b, outcome o, weight w), w (o − σ(θ̂_a − θ̂_b)) (e_a − e_b), summed over a
 * unit's battles. When the model holds and battles are independent, J ≈ H and this is the inverse Fisher
 * information; when battles of one unit are correlated, J grows with that correlation and the intervals with it.
 * <p>
 * A rating is only defined up to its group's offset, so the variance asked for is that of a contrast vᵀθ̂: with
 * an anchor r in the group v = e_i − e_r, else (mean anchoring) v = e_i − 𝟙/m over the group's m contestants;
 * for a score against baseline b, v = e_i − e_b. With x = H⁺v, Var(vᵀθ̂) = xᵀ J x = Σ_units (Σ_{battles in u}
 * w (o − σ)(x_a − x_b))², a pass over the cells per contestant. The interval is the rating ± z·sd with
 * z = Φ⁻¹(0.975) (in Elo: sd·400/ln 10); a score's is 100·P(beats the baseline) at the two ends of its contrast's
 * interval. x comes from the Cholesky factor of H with one contestant per group held fixed up to 3,000
 * contestants (O(n³), a fraction of one bootstrap round there), else from conjugate gradients
 * ({@link LaplacianSystem}) to a relative residual of 1e-7, O(n · iterations · pairs); contestants are done in
 * parallel on {@code threads} threads.
 */
final class SandwichIntervals {
    static final double Z = new NormalDistribution().inverseCumulativeProbability(BootstrapIntervals.UPPER);
    private static final int DENSE_UP_TO = 3000;

    /** The intervals: NaN for contestants without a rating, or without a score. */
    record Result(double[] lower, double[] upper, double[] scoreLower, double[] scoreUpper, int clusters) {
    }

    private SandwichIntervals() {
    }

    /**
     * @param rating   the point estimate on the Elo scale (NaN without battles)
     * @param component its groups of the comparison graph
     * @param units    the battles' units, or null (each battle its own)
     * @param anchor   the anchor's index, or −1
     * @param baseline the baseline's index, or −1
     */
    static Result of(PairCounts cells, UnitCells units, double[] rating, int[] component, int anchor, int baseline,
                     int threads) {
        return of(cells, units, rating, component, anchor, baseline, threads,
                rating.length <= DENSE_UP_TO ? BradleyTerry.Algebra.DENSE : BradleyTerry.Algebra.SPARSE);
    }

    /** With the linear algebra chosen by the caller. */
    static Result of(PairCounts cells, UnitCells units, double[] rating, int[] component, int anchor, int baseline,
                     int threads, BradleyTerry.Algebra algebra) {
        int n = rating.length;
        double[] theta = new double[n];
        for (int i = 0; i < n; i++) theta[i] = Double.isNaN(rating[i]) ? 0 : rating[i] / Anchoring.ELO_PER_NAT;
        int pairs = cells.pairCount();
        double[] total = new double[pairs];
        for (int c = 0; c < cells.size(); c++) total[cells.cellPair[c]] += cells.count[c] * cells.weight[c];
        double[] curvature = new double[pairs];
        for (int p = 0; p < pairs; p++) {
            double sigma = BradleyTerry.sigmoid(theta[cells.pairI[p]] - theta[cells.pairJ[p]]);
            curvature[p] = total[p] * sigma * (1 - sigma);
        }
        // per battle of cell c: w (o − σ(θ_a − θ_b)), the coefficient of e_a − e_b in its score
        double[] residual = new double[cells.size()];
        for (int c = 0; c < cells.size(); c++) {
            residual[c] = cells.weight[c] * (cells.outcome[c] - BradleyTerry.sigmoid(theta[cells.cellA[c]] - theta[cells.cellB[c]]));
        }
        Solver solver = algebra == BradleyTerry.Algebra.DENSE ? new Dense(n, cells, curvature, component)
                : new Sparse(n, cells, single(curvature));
        int groups = 0;
        for (int c : component) groups = Math.max(groups, c + 1);
        int[] size = new int[groups];
        for (int c : component) {
            if (c >= 0) size[c]++;
        }
        double[] lower = nan(n);
        double[] upper = nan(n);
        double[] scoreLower = nan(n);
        double[] scoreUpper = nan(n);
        // contestant by contestant, each writing only its own entries: the same result with any number of threads
        IntConsumer interval = i -> {
            int c = component[i];
            if (c < 0) return;
            double[] v = new double[n];
            double sd = Double.NaN;
            if (i != anchor) {
                contrast(v, component, i, anchor >= 0 && component[anchor] == c ? anchor : -1, size);
                sd = Math.sqrt(variance(solver.solve(v), cells, units, residual)) * Anchoring.ELO_PER_NAT;
                lower[i] = rating[i] - Z * sd;
                upper[i] = rating[i] + Z * sd;
            } else {
                lower[i] = upper[i] = rating[i];   // pinned, not estimated
            }
            if (baseline < 0 || component[baseline] != c) return;
            if (i == baseline) {
                scoreLower[i] = scoreUpper[i] = 50;
                return;
            }
            double sdScore = sd;
            if (baseline != anchor) {
                contrast(v, component, i, baseline, size);
                sdScore = Math.sqrt(variance(solver.solve(v), cells, units, residual)) * Anchoring.ELO_PER_NAT;
            }
            double difference = rating[i] - rating[baseline];
            scoreLower[i] = 100 * WinRateMatrix.probability(difference - Z * sdScore, 0);
            scoreUpper[i] = 100 * WinRateMatrix.probability(difference + Z * sdScore, 0);
        };
        if (threads <= 1) {
            for (int i = 0; i < n; i++) interval.accept(i);
        } else {
            ForkJoinPool pool = new ForkJoinPool(threads);
            try {
                pool.submit(() -> IntStream.range(0, n).parallel().forEach(interval)).join();
            } finally {
                pool.shutdown();
            }
        }
        return new Result(lower, upper, scoreLower, scoreUpper, units == null ? 0 : units.units);
    }

    /** v = e_i − e_reference, or e_i − 𝟙/m over i's group when there is no reference. */
    private static void contrast(double[] v, int[] component, int i, int reference, int[] size) {
        Arrays.fill(v, 0);
        if (reference >= 0) {
            v[reference] = -1;
        } else {
            for (int k = 0; k < v.length; k++) {
                if (component[k] == component[i]) v[k] = -1.0 / size[component[i]];
            }
        }
        v[i] += 1;
    }

    /** xᵀ J x: Σ_units (Σ_{battles in u} w (o − σ)(x_a − x_b))², with G/(G − 1) for G clusters. */
    private static double variance(double[] x, PairCounts cells, UnitCells units, double[] residual) {
        if (units == null) {
            double sum = 0;
            for (int c = 0; c < cells.size(); c++) {
                double s = residual[c] * (x[cells.cellA[c]] - x[cells.cellB[c]]);
                sum += cells.count[c] * s * s;
            }
            return sum;
        }
        double[] perUnit = new double[units.units];
        for (int e = 0; e < units.entryUnit.length; e++) {
            int c = units.entryCell[e];
            perUnit[units.entryUnit[e]] += units.entryCount[e] * residual[c] * (x[cells.cellA[c]] - x[cells.cellB[c]]);
        }
        double sum = 0;
        for (double s : perUnit) sum += s * s;
        int g = units.units;
        return g > 1 ? sum * g / (g - 1) : sum;
    }

    private static double[] nan(int n) {
        double[] a = new double[n];
        Arrays.fill(a, Double.NaN);
        return a;
    }

    /** x = H⁺v for v summing to 0 over each group (any solution: xᵀJx does not see a constant per group). */
    private interface Solver {
        double[] solve(double[] v);
    }

    /** Cholesky of H with the first contestant of each group (and every one without battles) held at 0. */
    private static final class Dense implements Solver {
        private final int n;
        private final double[] factor;
        private final boolean[] fixed;

        Dense(int n, PairCounts cells, double[] curvature, int[] component) {
            this.n = n;
            this.fixed = new boolean[n];
            boolean[] rooted = new boolean[n + 1];
            for (int i = 0; i < n; i++) {
                int c = component[i];
                if (c < 0 || !rooted[c]) fixed[i] = true;
                if (c >= 0) rooted[c] = true;
            }
            factor = new double[n * n];
            for (int p = 0; p < cells.pairCount(); p++) {
                int i = cells.pairI[p];
                int j = cells.pairJ[p];
                double w = curvature[p];
                factor[i * n + i] += w;
                factor[j * n + j] += w;
                factor[i * n + j] -= w;
                factor[j * n + i] -= w;
            }
            for (int k = 0; k < n; k++) {
                if (!fixed[k]) continue;
                for (int m = 0; m < n; m++) {
                    factor[k * n + m] = 0;
                    factor[m * n + k] = 0;
                }
                factor[k * n + k] = 1;
            }
            PositiveDefiniteSystem.factor(factor, n);
        }

        @Override
        public double[] solve(double[] v) {
            double[] x = v.clone();
            for (int k = 0; k < n; k++) {
                if (fixed[k]) x[k] = 0;
            }
            PositiveDefiniteSystem.solveFactored(factor, n, x);
            return x;
        }
    }

    /** Conjugate gradients on H as a Laplacian. */
    /** The weights in single precision, as {@link LaplacianSystem} takes them. */
    private static float[] single(double[] weight) {
        float[] single = new float[weight.length];
        for (int p = 0; p < weight.length; p++) single[p] = (float) weight[p];
        return single;
    }

    private record Sparse(int n, PairCounts cells, float[] curvature) implements Solver {
        @Override
        public double[] solve(double[] v) {
            double[] x = new double[n];
            // a relative residual of 1e-7 leaves the variance within ~1e-6 of its value: far below what is printed
            LaplacianSystem.solve(n, cells.pairStart, cells.pairJ, curvature, v, x, 1e-7, 10 * n + 100);
            return x;
        }
    }
}
