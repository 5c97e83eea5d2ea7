package dev.tribunal.rating;

import java.util.function.ToDoubleFunction;

/**
 * The damping of a Newton step for a convex function f: x ← x + t·Δ with t = 1, ½, ¼, … until
 * f(x + tΔ) ≤ f(x) + 10⁻⁴·t·∇f·Δ (Armijo), the comparison allowing f's own round-off. A step with max |Δ| below
 * 10⁻⁶ is taken whole without evaluating f: there Newton converges quadratically and f's differences are mostly
 * round-off. When no t down to 10⁻¹⁰ decreases f (Δ is not a descent direction, or f is not what Δ was computed
 * for), x is left where it was and the search says so: the caller must not count that as progress.
 */
final class LineSearch {
    private static final double UNDAMPED = 1e-6;
    private static final double SMALLEST_FRACTION = 1e-10;

    private LineSearch() {
    }

    /**
     * Where the search left x.
     *
     * @param value     f at the new x, or NaN when it was not evaluated
     * @param decreased false when no step decreased f enough and x was left unchanged
     */
    record Step(double value, boolean decreased) {
    }

    /**
     * Moves {@code x} along {@code step}.
     *
     * @param fx      f(x), or NaN when not known
     * @param slope   ∇f(x)·step (negative for a descent direction)
     * @param largest max |step|
     */
    static Step descend(double[] x, double[] step, double largest, double fx, double slope, ToDoubleFunction<double[]> f) {
        if (largest < UNDAMPED) {
            for (int k = 0; k < x.length; k++) x[k] += step[k];
            return new Step(Double.NaN, true);
        }
        double before = Double.isNaN(fx) ? f.applyAsDouble(x) : fx;
        double roundOff = 1e-15 * Math.abs(before);
        double[] trial = new double[x.length];
        for (double t = 1; t >= SMALLEST_FRACTION; t /= 2) {
            for (int k = 0; k < x.length; k++) trial[k] = x[k] + t * step[k];
            double candidate = f.applyAsDouble(trial);
            if (candidate <= before + 1e-4 * t * slope + roundOff) {
                System.arraycopy(trial, 0, x, 0, x.length);
                return new Step(candidate, true);
            }
        }
        return new Step(before, false);
    }
}
