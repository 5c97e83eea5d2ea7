package dev.tribunal.rating;

import java.util.function.DoubleUnaryOperator;

/**
 * Solves L x = b for a weighted graph Laplacian L = Σ_p c_p (e_i − e_j)(e_i − e_j)ᵀ (c_p ≥ 0, one term per pair
 * i–j), never forming L: conjugate gradients preconditioned by its diagonal (Jacobi), each iteration one pass over
 * the pairs, O(pairs). L is singular (a constant on a connected group is in its null space), but the system is
 * consistent when b sums to zero over every group, as a gradient of the Bradley–Terry log-likelihood does; CG
 * then converges within the range of L at the rate set by λ_max/λ₂ of D^−½ L D^−½, which is small for the
 * well-mixed graphs of arenas and benchmarks (so no contestant needs to be held fixed, which would make the
 * system far worse conditioned). The solution is determined up to a constant per group; callers centre it.
 * <p>
 * The pairs come as compressed rows ({@link PairCounts#pairStart}): the pairs p with smaller contestant i are
 * start[i] … start[i + 1] − 1, their larger one pairJ[p].
 */
final class LaplacianSystem {

    private LaplacianSystem() {
    }

    /**
     * Overwrites {@code x} with an x such that ‖b − L x‖ ≤ tolerance·‖b‖ (Euclidean), starting from 0.
     *
     * @param weight c_p ≥ 0 per pair, in single precision: a pass reads 8 bytes a pair rather than 12 (the
     *               passes are bound by memory bandwidth), and L is then exact for weights within 6e-8 of the
     *               given ones, which moves a Newton step by as little (see {@link BradleyTerry})
     * @return the iterations used, or −1 when {@code maxIterations} did not reach the tolerance
     */
    static int solve(int n, int[] start, int[] pairJ, float[] weight, double[] b, double[] x, double tolerance,
                     int maxIterations) {
        return solve(n, start, pairJ, weight, b, x, largest -> tolerance, maxIterations);
    }

    /**
     * As {@link #solve(int, int[], int[], float[], double[], double[], double, int)}, with the relative residual
     * wanted a function of the current iterate's max |x_i| (evaluated once an iteration, O(n)).
     */
    static int solve(int n, int[] start, int[] pairJ, float[] weight, double[] b, double[] x,
                     DoubleUnaryOperator tolerance, int maxIterations) {
        double[] inverseDiagonal = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int p = start[i]; p < start[i + 1]; p++) {
                sum += weight[p];
                inverseDiagonal[pairJ[p]] += weight[p];
            }
            inverseDiagonal[i] += sum;
        }
        for (int i = 0; i < n; i++) inverseDiagonal[i] = inverseDiagonal[i] > 0 ? 1 / inverseDiagonal[i] : 0;
        double[] r = b.clone();
        double[] z = new double[n];
        double[] d = new double[n];
        double[] q = new double[n];
        java.util.Arrays.fill(x, 0);
        double bNorm = Math.sqrt(dot(b, b));
        if (bNorm == 0) return 0;
        double rz = 0;
        for (int i = 0; i < n; i++) {
            z[i] = inverseDiagonal[i] * r[i];
            d[i] = z[i];
            rz += r[i] * z[i];
        }
        for (int iteration = 1; iteration <= maxIterations; iteration++) {
            multiply(start, pairJ, weight, d, q);
            double curvature = dot(d, q);
            if (!(curvature > 0)) {
                return Math.sqrt(dot(r, r)) <= tolerance.applyAsDouble(largest(x)) * bNorm ? iteration - 1 : -1;
            }
            double alpha = rz / curvature;
            double rr = 0;
            double largest = 0;
            for (int i = 0; i < n; i++) {
                x[i] += alpha * d[i];
                r[i] -= alpha * q[i];
                rr += r[i] * r[i];
                largest = Math.max(largest, Math.abs(x[i]));
            }
            if (Math.sqrt(rr) <= tolerance.applyAsDouble(largest) * bNorm) return iteration;
            double rzNext = 0;
            for (int i = 0; i < n; i++) {
                z[i] = inverseDiagonal[i] * r[i];
                rzNext += r[i] * z[i];
            }
            double beta = rzNext / rz;
            rz = rzNext;
            for (int i = 0; i < n; i++) d[i] = z[i] + beta * d[i];
        }
        return -1;
    }

    /**
     * q = L d: per pair, c_p (d_i − d_j) added to q_i and taken from q_j; q_i summed in a register along i's row.
     */
    static void multiply(int[] start, int[] pairJ, float[] weight, double[] d, double[] q) {
        java.util.Arrays.fill(q, 0);
        for (int i = 0; i < q.length; i++) {
            double di = d[i];
            double qi = 0;
            for (int p = start[i]; p < start[i + 1]; p++) {
                int j = pairJ[p];
                double flow = weight[p] * (di - d[j]);
                qi += flow;
                q[j] -= flow;
            }
            q[i] += qi;
        }
    }

    private static double largest(double[] x) {
        double largest = 0;
        for (double v : x) largest = Math.max(largest, Math.abs(v));
        return largest;
    }

    private static double dot(double[] u, double[] v) {
        double sum = 0;
        for (int i = 0; i < u.length; i++) sum += u[i] * v[i];
        return sum;
    }
}
