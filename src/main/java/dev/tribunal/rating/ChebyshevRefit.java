package dev.tribunal.rating;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.linear.EigenDecomposition;

/**
 * Refits a bootstrap resample from the point estimate θ̂ by the Chebyshev semi-iterative method (Golub and Varga
 * 1961; Saad, <i>Iterative methods for sparse linear systems</i>, 2nd ed., algorithm 12.1) run on the likelihood
 * equations g(θ) = 0 themselves: with M a preconditioner and the spectrum of M⁻¹H (H the negative Hessian, a
 * weighted graph Laplacian) within [a, b], c = (a + b)/2, δ = (b − a)/2, σ₁ = c/δ,
 * <pre>
 * d₀ = M⁻¹g(θ₀)/c,   ρ₀ = 1/σ₁
 * θ_{k+1} = θ_k + d_k,   ρ_{k+1} = 1/(2σ₁ − ρ_k),   d_{k+1} = ρ_{k+1}ρ_k d_k + (2ρ_{k+1}/δ) M⁻¹g(θ_{k+1}).
 * </pre>
 * Near the maximum g(θ) ≈ H(θ* − θ), so the error shrinks as in Chebyshev's iteration on a linear system, by about
 * ρ = (√κ − 1)/(√κ + 1), κ = b/a, per iteration, and each iteration is one pass over the pairs for g: no linear
 * solve, no Hessian. Newton's method with conjugate gradients needs 4 gradient passes and ~12 matrix passes for the
 * same refit of 1,000 uniformly paired contestants; this needs ~10 gradient passes.
 * <p>
 * <b>The preconditioner.</b> M⁻¹ = D^−½ (I + Σ_t γ_t u_t u_tᵀ) D^−½, with D the diagonal of the resample's H at
 * θ̂ (Jacobi) and u_t the slowest modes of the point's D₀^−½ H₀ D₀^−½ (eigenvalues λ_t, orthonormal), each moved
 * to 1 by γ_t = 1/λ_t − 1; u_t ⊥ the null space (D^½ times a constant per component), where g has no part. On
 * arena-like data one mode stands apart: the rating scale itself (1,000 contestants: λ = 0.74, the rest in
 * [0.93, 1.05]). Deflating it takes κ from 1.41 to 1.13 and ρ from 0.09 to 0.03.
 * <p>
 * <b>The bounds.</b> Lanczos with full reorthogonalisation, 30 steps on the point's operator (O(30·pairs + 30²·n),
 * once), gives its extreme eigenvalues; up to {@value #MAX_MODES} of the smallest are deflated, as many as make κ
 * smallest. A resample's weights carry the data's sampling noise twice, so its spectrum spreads about √2 times as
 * far from 1 as the point's (measured: [0.936, 1.066] against [0.955, 1.047]), and Lanczos finds the extremes from
 * inside; the bounds are the point's spread about 1 widened {@value #WIDEN} times, which needs the fewest passes
 * (mean passes a refit, 1,000 contestants: 10.5 widened 1.2 times, 10.3 at 1.5, 9.6 at 2, 9.4 at 2.5, 9.9 at 3; 500
 * contestants: 8.8, 8.5, 8.1, 8.1, 8.2). An eigenvalue outside them slows the iteration but cannot make it diverge
 * unless it exceeds a + b (about 2): D^−½HD^−½ has its spectrum in [0, 2].
 * <p>
 * Used only where κ ≤ {@value #MAX_CONDITION} (ρ ≤ 0.2); sparse comparison graphs (10,000 contestants meeting 50
 * others each: κ ≈ 3) are better served by Newton's method with conjugate gradients. The iteration stops once the
 * last step and the contraction r = max(ρ, last step / the one before) put the remaining distance, step·r/(1 − r),
 * below the tolerance; a refit that has not done so within {@value #MAX_ITERATIONS} iterations is reported as not
 * converged, and its caller refits by Newton's method.
 */
final class ChebyshevRefit {
    static final int MAX_MODES = 4;
    static final double WIDEN = 2;
    static final double MAX_CONDITION = 2.25;
    static final int MAX_ITERATIONS = 60;
    private static final int LANCZOS_STEPS = 30;

    /** One pass over the pairs: the gradient of ℓ at θ into {@code gradient}. */
    @FunctionalInterface
    interface GradientPass {
        void gradient(double[] theta, double[] gradient);
    }

    private final int n;
    /** The deflated modes, as rows of D^−½-free vectors (u_t in the scaled coordinates), and their γ_t. */
    private final double[][] modes;
    private final double[] gain;
    private final double lower;
    private final double upper;
    private final double rate;

    private ChebyshevRefit(int n, double[][] modes, double[] gain, double lower, double upper) {
        this.n = n;
        this.modes = modes;
        this.gain = gain;
        this.lower = lower;
        this.upper = upper;
        double root = Math.sqrt(upper / lower);
        this.rate = (root - 1) / (root + 1);
    }

    /**
     * The refit for resamples of the data whose Hessian at θ̂ has the pair weights {@code curvature} and the
     * diagonal {@code diagonal}; null when its condition is too large for this method to pay.
     *
     * @param component per contestant its component of the comparison graph, −1 without battles
     */
    static ChebyshevRefit of(int n, int[] start, int[] pairJ, float[] curvature, double[] diagonal, int[] component,
                             int components) {
        Operator operator = new Operator(n, start, pairJ, curvature, diagonal, component, components);
        int rank = 0;
        for (int i = 0; i < n; i++) if (component[i] >= 0) rank++;
        rank -= components;
        int steps = Math.min(LANCZOS_STEPS, rank);
        if (steps < 2) return null;
        Lanczos lanczos = Lanczos.run(operator, steps);
        if (lanczos == null) return null;
        double[] ritz = lanczos.values;
        int k = ritz.length;
        double largest = ritz[k - 1];
        // as many of the smallest deflated as make κ of the widened bounds smallest
        int best = -1;
        double bestCondition = Double.POSITIVE_INFINITY;
        for (int m = 0; m <= Math.min(MAX_MODES, k - 2); m++) {
            if (!(ritz[m] > 0)) continue;
            double low = 1 - WIDEN * Math.max(0, 1 - ritz[m]);
            double high = 1 + WIDEN * Math.max(0, largest - 1);
            double condition = low > 0 ? high / low : Double.POSITIVE_INFINITY;
            if (condition < bestCondition * 0.98) {
                best = m;
                bestCondition = condition;
            }
        }
        if (best < 0 || bestCondition > MAX_CONDITION) return null;
        double[][] modes = new double[best][];
        double[] gain = new double[best];
        for (int t = 0; t < best; t++) {
            modes[t] = lanczos.vector(t);
            gain[t] = 1 / ritz[t] - 1;
        }
        return new ChebyshevRefit(n, modes, gain, 1 - WIDEN * Math.max(0, 1 - ritz[best]),
                1 + WIDEN * Math.max(0, largest - 1));
    }

    double lower() {
        return lower;
    }

    double upper() {
        return upper;
    }

    int modes() {
        return modes.length;
    }

    /**
     * Moves θ from θ̂ to the maximum of the resample's likelihood.
     *
     * @param gradient g(θ̂) of the resample, overwritten
     * @param diagonal the resample's Hessian diagonal at θ̂ (Jacobi); contestants without battles have 0
     * @return the iterations made (gradient passes after the first), or −1 when they did not converge
     */
    int solve(double[] theta, double[] gradient, double[] diagonal, GradientPass pass, double tolerance) {
        double[] inverseRoot = new double[n];
        for (int i = 0; i < n; i++) inverseRoot[i] = diagonal[i] > 0 ? 1 / Math.sqrt(diagonal[i]) : 0;
        double centre = (upper + lower) / 2;
        double halfWidth = (upper - lower) / 2;
        double sigma = centre / halfWidth;
        double rho = 1 / sigma;
        double[] direction = precondition(gradient, inverseRoot, new double[n]);
        for (int i = 0; i < n; i++) direction[i] /= centre;
        double[] preconditioned = new double[n];
        double previous = Double.POSITIVE_INFINITY;
        for (int iteration = 1; iteration <= MAX_ITERATIONS; iteration++) {
            double step = 0;
            for (int i = 0; i < n; i++) {
                theta[i] += direction[i];
                step = Math.max(step, Math.abs(direction[i]));
            }
            if (!Double.isFinite(step)) return -1;
            double contraction = Math.max(rate, step / previous);
            if (iteration > 1 && contraction < 0.5 && step * contraction / (1 - contraction) < tolerance) {
                return iteration;
            }
            previous = step;
            pass.gradient(theta, gradient);
            double next = 1 / (2 * sigma - rho);
            precondition(gradient, inverseRoot, preconditioned);
            double keep = next * rho;
            double scale = 2 * next / halfWidth;
            for (int i = 0; i < n; i++) direction[i] = keep * direction[i] + scale * preconditioned[i];
            rho = next;
        }
        return -1;
    }

    /** M⁻¹g = D^−½ (I + Σ γ_t u_t u_tᵀ) D^−½ g, O((modes + 1)·n). */
    private double[] precondition(double[] g, double[] inverseRoot, double[] out) {
        for (int i = 0; i < n; i++) out[i] = g[i] * inverseRoot[i];
        for (int t = 0; t < modes.length; t++) {
            double[] u = modes[t];
            double projection = 0;
            for (int i = 0; i < n; i++) projection += u[i] * out[i];
            double c = gain[t] * projection;
            for (int i = 0; i < n; i++) out[i] += c * u[i];
        }
        for (int i = 0; i < n; i++) out[i] *= inverseRoot[i];
        return out;
    }

    /**
     * A = D^−½ H D^−½ on the complement of its null space (D^½ times a constant per component, projected out), H
     * the Laplacian of the pair weights.
     */
    private static final class Operator {
        final int n;
        private final int[] start;
        private final int[] pairJ;
        private final float[] weight;
        private final double[] root;
        private final double[] inverseRoot;
        private final int[] component;
        private final double[] componentMass;
        private final double[] scaled;
        private final double[] product;

        Operator(int n, int[] start, int[] pairJ, float[] weight, double[] diagonal, int[] component, int components) {
            this.n = n;
            this.start = start;
            this.pairJ = pairJ;
            this.weight = weight;
            this.component = component;
            root = new double[n];
            inverseRoot = new double[n];
            componentMass = new double[components];
            for (int i = 0; i < n; i++) {
                if (component[i] < 0 || !(diagonal[i] > 0)) continue;
                root[i] = Math.sqrt(diagonal[i]);
                inverseRoot[i] = 1 / root[i];
                componentMass[component[i]] += diagonal[i];
            }
            scaled = new double[n];
            product = new double[n];
        }

        /** Removes from v its part in the null space: per component c, (v·e_c) e_c with e_c = D^½ 1_c / ‖·‖. */
        void project(double[] v) {
            double[] dot = new double[componentMass.length];
            for (int i = 0; i < n; i++) {
                if (component[i] >= 0) dot[component[i]] += root[i] * v[i];
                else v[i] = 0;
            }
            for (int i = 0; i < n; i++) {
                int c = component[i];
                if (c >= 0 && componentMass[c] > 0) v[i] -= dot[c] / componentMass[c] * root[i];
            }
        }

        /** out = A v. */
        void apply(double[] v, double[] out) {
            for (int i = 0; i < n; i++) scaled[i] = v[i] * inverseRoot[i];
            LaplacianSystem.multiply(start, pairJ, weight, scaled, product);
            for (int i = 0; i < n; i++) out[i] = product[i] * inverseRoot[i];
        }
    }

    /** Lanczos with full reorthogonalisation: the Ritz values (ascending) and the means to form their vectors. */
    private static final class Lanczos {
        final double[] values;
        private final double[][] basis;
        private final EigenDecomposition tridiagonal;
        private final Integer[] order;

        private Lanczos(double[] values, double[][] basis, EigenDecomposition tridiagonal, Integer[] order) {
            this.values = values;
            this.basis = basis;
            this.tridiagonal = tridiagonal;
            this.order = order;
        }

        /** {@code steps} steps from a fixed pseudo-random start; null when the tridiagonal's eigenproblem fails. */
        static Lanczos run(Operator a, int steps) {
            int n = a.n;
            double[][] basis = new double[steps][];
            double[] alpha = new double[steps];
            double[] beta = new double[steps];
            double[] v = new double[n];
            SplittableRandom random = new SplittableRandom(0x5EED);
            for (int i = 0; i < n; i++) v[i] = random.nextDouble() - 0.5;
            a.project(v);
            if (!(normalise(v) > 0)) return null;
            double[] w = new double[n];
            int made = 0;
            for (int j = 0; j < steps; j++) {
                basis[j] = v;
                made = j + 1;
                a.apply(v, w);
                alpha[j] = dot(v, w);
                for (int pass = 0; pass < 2; pass++) {       // twice is enough (Kahan–Parlett)
                    for (int l = 0; l <= j; l++) {
                        double c = dot(w, basis[l]);
                        for (int i = 0; i < n; i++) w[i] -= c * basis[l][i];
                    }
                    // last: what the basis vectors' round-off brought back of the null space would grow by 1/β a step
                    a.project(w);
                }
                double norm = normalise(w);
                if (j == steps - 1 || !(norm > 1e-10 * Math.abs(alpha[j]))) break;   // an invariant subspace: exact
                beta[j] = norm;
                v = w;
                w = new double[n];
            }
            EigenDecomposition tridiagonal;
            try {
                tridiagonal = new EigenDecomposition(Arrays.copyOf(alpha, made), Arrays.copyOf(beta, made - 1));
            } catch (RuntimeException e) {         // Commons Math's QL iteration did not converge
                return null;
            }
            double[] raw = tridiagonal.getRealEigenvalues();
            Integer[] order = new Integer[made];
            for (int t = 0; t < made; t++) order[t] = t;
            Arrays.sort(order, (x, y) -> Double.compare(raw[x], raw[y]));
            double[] values = new double[made];
            for (int t = 0; t < made; t++) values[t] = raw[order[t]];
            return new Lanczos(values, Arrays.copyOf(basis, made), tridiagonal, order);
        }

        /** The Ritz vector of the t-th smallest Ritz value, unit length. */
        double[] vector(int t) {
            double[] y = tridiagonal.getEigenvector(order[t]).toArray();
            int n = basis[0].length;
            double[] u = new double[n];
            for (int l = 0; l < basis.length; l++) {
                for (int i = 0; i < n; i++) u[i] += y[l] * basis[l][i];
            }
            normalise(u);
            return u;
        }

        private static double normalise(double[] v) {
            double norm = Math.sqrt(dot(v, v));
            if (norm > 0) for (int i = 0; i < v.length; i++) v[i] /= norm;
            return norm;
        }

        private static double dot(double[] u, double[] v) {
            double sum = 0;
            for (int i = 0; i < u.length; i++) sum += u[i] * v[i];
            return sum;
        }
    }
}
