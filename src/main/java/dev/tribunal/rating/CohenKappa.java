package dev.tribunal.rating;

/**
 * Cohen's kappa of two raters over the same items in k classes, from their confusion matrix c (c[i][j] = items the
 * first put in class i and the second in class j, n = Σ c):
 * <pre>p_o = Σ_i c_ii / n,   p_e = Σ_i (row_i / n)(col_i / n),   κ = (p_o − p_e) / (1 − p_e),</pre>
 * with the large-sample standard error SE = √(p_o (1 − p_o) / (n (1 − p_e)²)) and the interval κ ± 1.96 SE, cut
 * to [−1, 1]. NaN with no items, or when chance agreement is already 1 (both raters used one class).
 *
 * @param agreement p_o, the raw agreement (accuracy when the second rater is the reference)
 */
public record CohenKappa(long items, double agreement, double chance, double kappa, double lower, double upper) {

    private static final double Z = 1.959963984540054;

    public static CohenKappa of(long[][] confusion) {
        int k = confusion.length;
        long n = 0;
        long diagonal = 0;
        double[] rows = new double[k];
        double[] cols = new double[k];
        for (int i = 0; i < k; i++) {
            if (confusion[i].length != k) throw new IllegalArgumentException("the confusion matrix must be square");
            for (int j = 0; j < k; j++) {
                long c = confusion[i][j];
                if (c < 0) throw new IllegalArgumentException("negative count in the confusion matrix");
                n += c;
                rows[i] += c;
                cols[j] += c;
                if (i == j) diagonal += c;
            }
        }
        if (n == 0) return new CohenKappa(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        double po = (double) diagonal / n;
        double pe = 0;
        for (int i = 0; i < k; i++) pe += (rows[i] / n) * (cols[i] / n);
        if (pe >= 1) return new CohenKappa(n, po, pe, Double.NaN, Double.NaN, Double.NaN);
        double kappa = (po - pe) / (1 - pe);
        double se = Math.sqrt(po * (1 - po) / (n * (1 - pe) * (1 - pe)));
        return new CohenKappa(n, po, pe, kappa, Math.max(-1, kappa - Z * se), Math.min(1, kappa + Z * se));
    }
}
