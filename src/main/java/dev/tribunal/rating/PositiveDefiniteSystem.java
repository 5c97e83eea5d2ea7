package dev.tribunal.rating;

/** Solves A x = b for a symmetric positive definite A by Cholesky factorisation A = L Lᵀ, in place. */
final class PositiveDefiniteSystem {

    private PositiveDefiniteSystem() {
    }

    /**
     * Overwrites {@code b} with the solution and the lower triangle of {@code a} (row-major, n × n) with L.
     *
     * @throws ArithmeticException when A is not (numerically) positive definite
     */
    static void solve(double[] a, int n, double[] b) {
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
        for (int i = 0; i < n; i++) {           // L y = b
            double sum = b[i];
            for (int k = 0; k < i; k++) sum -= a[i * n + k] * b[k];
            b[i] = sum / a[i * n + i];
        }
        for (int i = n - 1; i >= 0; i--) {      // Lᵀ x = y
            double sum = b[i];
            for (int k = i + 1; k < n; k++) sum -= a[k * n + i] * b[k];
            b[i] = sum / a[i * n + i];
        }
    }
}
