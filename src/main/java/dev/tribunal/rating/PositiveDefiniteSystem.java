package dev.tribunal.rating;

/**
 * Solves A x = b for a symmetric positive definite A by Cholesky factorisation A = L Lᵀ, in place. The factor can
 * be kept and reused: {@link #factor} once, O(n³), then {@link #solveFactored} per right-hand side, O(n²).
 */
final class PositiveDefiniteSystem {

    private PositiveDefiniteSystem() {
    }

    /**
     * Overwrites {@code b} with the solution and the lower triangle of {@code a} (row-major, n × n) with L.
     *
     * @throws ArithmeticException when A is not (numerically) positive definite
     */
    static void solve(double[] a, int n, double[] b) {
        factor(a, n);
        solveFactored(a, n, b);
    }

    /**
     * Overwrites the lower triangle of {@code a} (row-major, n × n) with L, A = L Lᵀ.
     *
     * @throws ArithmeticException when A is not (numerically) positive definite
     */
    static void factor(double[] a, int n) {
        for (int j = 0; j < n; j++) {
            int rowJ = j * n;
            double diagonal = a[rowJ + j];
            for (int k = 0; k < j; k++) diagonal -= a[rowJ + k] * a[rowJ + k];
            if (!(diagonal > 0)) throw new ArithmeticException("matrix is not positive definite at " + j);
            double pivot = Math.sqrt(diagonal);
            a[rowJ + j] = pivot;
            for (int i = j + 1; i < n; i++) {
                int rowI = i * n;
                double sum = a[rowI + j];
                for (int k = 0; k < j; k++) sum -= a[rowI + k] * a[rowJ + k];
                a[rowI + j] = sum / pivot;
            }
        }
    }

    /** Overwrites {@code b} with the solution of L Lᵀ x = b, L from {@link #factor}; both passes read L by rows. */
    static void solveFactored(double[] l, int n, double[] b) {
        for (int i = 0; i < n; i++) {           // L y = b, the dot product in four independent sums
            int row = i * n;
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            int k = 0;
            for (; k + 3 < i; k += 4) {
                s0 += l[row + k] * b[k];
                s1 += l[row + k + 1] * b[k + 1];
                s2 += l[row + k + 2] * b[k + 2];
                s3 += l[row + k + 3] * b[k + 3];
            }
            for (; k < i; k++) s0 += l[row + k] * b[k];
            b[i] = (b[i] - ((s0 + s1) + (s2 + s3))) / l[row + i];
        }
        for (int i = n - 1; i >= 0; i--) {      // Lᵀ x = y: x_i = y_i / L_ii, then y_k −= L_ik·x_i for k < i
            int row = i * n;
            double x = b[i] / l[row + i];
            b[i] = x;
            for (int k = 0; k < i; k++) b[k] -= l[row + k] * x;
        }
    }
}
