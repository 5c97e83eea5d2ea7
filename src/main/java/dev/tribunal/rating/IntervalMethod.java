package dev.tribunal.rating;

import java.util.Locale;

/** How a leaderboard's 95 % intervals are computed. */
public enum IntervalMethod {
    /** Percentile bootstrap of refits ({@link BootstrapIntervals}): any method; costs a refit per round. */
    BOOTSTRAP,
    /** Normal intervals from the sandwich covariance ({@link SandwichIntervals}): Bradley–Terry only; one fit. */
    SANDWICH;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
