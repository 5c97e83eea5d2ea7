package dev.tribunal.rating;

import java.util.function.ToDoubleFunction;

/**
 * The damping of a Newton step for a convex function f: x ← x + t·Δ with t = 1, ½, ¼, … until
 * f(x + tΔ) ≤ f(x) + 10⁻⁴·t·∇f·Δ (Armijo), the comparison allowing f's own round-off. A step with max |Δ| below
 * 10⁻⁶ is taken whole without evaluating f: there Newton converges quadratically and f's differences are mostly
 * round-off.
 */
final class LineSearch {
    private static final double UNDAMPED = 1e-6;

    private LineSearch() {
    }

    /**
     * Moves {@code x} along {@code step}.
     *
     * @param fx      f(x), or NaN when not known
     * @param slope   ∇f(x)·step (negative for a descent direction)
     * @param largest max |step|
     * @return f at the new x, or NaN when it was not evaluated
     */
    static double descend(double[] x, double[] step, double largest, double fx, double slope, ToDoubleFunction<double[]> f) {
        if (largest < UNDAMPED) {
            for (int k = 0; k < x.length; k++) x[k] += step[k];
            return Double.NaN;
        }
        double before = Double.isNaN(fx) ? f.applyAsDouble(x) : fx;
        double roundOff = 1e-15 * Math.abs(before);
        double[] trial = new double[x.length];
        for (double t = 1; ; t /= 2) {
            for (int k = 0; k < x.length; k++) trial[k] = x[k] + t * step[k];
            double candidate = f.applyAsDouble(trial);
            if (candidate <= before + 1e-4 * t * slope + roundOff || t < 1e-10) {
                System.arraycopy(trial, 0, x, 0, x.length);
                return candidate;
            }
        }
    }
}
