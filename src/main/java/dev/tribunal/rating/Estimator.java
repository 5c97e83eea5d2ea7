package dev.tribunal.rating;

import java.util.List;
import java.util.SplittableRandom;

/**
 * One rating method bound to one battle set. {@link #estimate()} fits the point estimate and returns it with
 * everything a bootstrap round needs, so an estimator holds no state that depends on the order of calls.
 */
interface Estimator {

    /** The point estimate, its notes, and how to refit resamples from it. */
    Estimate estimate();

    /**
     * Elo-scale ratings of one fit.
     *
     * @param rating       per contestant; NaN for one the method cannot rate (no battles in the fitted data)
     * @param component    per contestant its group of the comparison graph (ratings compare only within a group),
     *                     −1 without battles
     * @param priorApplied some group had no maximum-likelihood estimate and was fitted with the weak prior
     * @param converged    the fit met its stopping rule (false: it stopped at its iteration limit, or no step
     *                     along the Newton direction decreased the objective)
     */
    record Ratings(double[] rating, int[] component, boolean priorApplied, boolean converged) {
    }

    /**
     * Refits resamples of the battles: {@link #worker()} gives each bootstrap thread its own {@link Round}, which
     * may reuse its buffers from one round to the next (at 1,000 contestants a round's counts and scores are
     * ~15 MB; allocated afresh in every round they cost zeroing and garbage collection).
     */
    @FunctionalInterface
    interface Resampling {
        Round worker();
    }

    /** Refits one resample of the battles, drawn from {@code random}; used by one thread at a time. */
    @FunctionalInterface
    interface Round {
        Ratings round(SplittableRandom random);
    }

    /**
     * @param point     the ratings of the data
     * @param fromPrior per contestant: its rating exists only thanks to the weak prior (its group has no
     *                  maximum-likelihood estimate: some of it never lost, or never won, against the rest)
     * @param notes     what the method did beyond its plain definition
     * @param style     the style coefficients, or null
     * @param rounds    refits resamples from the point
     */
    record Estimate(Ratings point, boolean[] fromPrior, List<String> notes, StyleCoefficients style,
                    Resampling rounds) {
        public Estimate {
            notes = List.copyOf(notes);
        }
    }
}
