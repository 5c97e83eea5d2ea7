package dev.tribunal.rating;

import org.apache.commons.math3.stat.interval.ConfidenceInterval;
import org.apache.commons.math3.stat.interval.WilsonScoreInterval;

/**
 * A share k / n with its 95 % Wilson score interval:
 * <pre>(p̂ + z²/2n ± z √(p̂(1 − p̂)/n + z²/4n²)) / (1 + z²/n),  z = 1.96,</pre>
 * which, unlike the normal approximation, stays inside [0, 1] and is not zero-wide at k = 0 or k = n. With n = 0
 * the share and both bounds are NaN: nothing was measured.
 */
public record Proportion(long successes, long trials, double share, double lower, double upper) {

    static final double CONFIDENCE = 0.95;

    public static Proportion of(long successes, long trials) {
        if (trials < 0 || successes < 0 || successes > trials) {
            throw new IllegalArgumentException("need 0 <= successes <= trials: " + successes + " of " + trials);
        }
        if (trials == 0) return new Proportion(0, 0, Double.NaN, Double.NaN, Double.NaN);
        ConfidenceInterval ci = new WilsonScoreInterval().createInterval((int) trials, (int) successes, CONFIDENCE);
        return new Proportion(successes, trials, (double) successes / trials, ci.getLowerBound(), ci.getUpperBound());
    }

    /** True when the interval lies wholly above or wholly below {@code value}. */
    public boolean excludes(double value) {
        return trials > 0 && (lower > value || upper < value);
    }
}
