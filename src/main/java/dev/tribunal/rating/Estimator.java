package dev.tribunal.rating;

import java.util.List;
import java.util.SplittableRandom;

/** One rating method bound to one battle set: the point estimate and one bootstrap round of it. */
interface Estimator {

    /** Elo-scale ratings per contestant (NaN for one the method cannot rate). */
    double[] point();

    /** Ratings refitted on one resample of the battles; must be safe to call from several threads. */
    double[] round(SplittableRandom random);

    /** What the method did beyond its plain definition; call after {@link #point()} and the rounds. */
    List<String> notes();

    /** The style coefficients, or null. */
    default StyleCoefficients style() {
        return null;
    }
}
