package dev.tribunal.rating;

import java.util.Locale;

/**
 * Told as each phase of a rating run ends ({@link RatingEngine#rate(BattleSet, RatingOptions, PhaseListener)}),
 * e.g. to time the phases without running any of them twice.
 */
@FunctionalInterface
public interface PhaseListener {

    /** Listens to nothing. */
    PhaseListener NONE = phase -> { };

    /** The phases, in the order they end. */
    enum Phase {
        /** The point estimate: the ratings themselves. */
        FIT,
        /** The bootstrap rounds and their quantiles; ends at once without rounds. */
        BOOTSTRAP;

        /** The phase's name in lower case, as {@code tribunal rate --timings} prints it. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Called on the thread that called {@code rate}, once per phase, in order. */
    void ended(Phase phase);
}
