package dev.tribunal.web;

import java.time.Duration;

/**
 * What the slow, public, flood-able requests may take from the database, so that they can never hold every
 * connection or every thread: browsing ({@code /api/samples}, {@code /api/questions}, the facets) and the export.
 *
 * @param budget   how long one browse request may run in the database (then 503 {@code search-too-long})
 * @param searches browse requests running at once; more wait up to {@link #WAIT}, then 503 {@code busy}
 * @param exports  exports streaming at once; more wait up to {@link #WAIT}, then 503 {@code busy}
 */
public record QueryLimits(Duration budget, int searches, int exports) {

    /** How long a request over a cap waits for a turn before it is told to come back. */
    public static final Duration WAIT = Duration.ofSeconds(1);

    public QueryLimits {
        if (budget.isNegative() || budget.isZero()) throw new IllegalArgumentException("budget must be > 0");
        if (searches < 1 || exports < 1) throw new IllegalArgumentException("caps must be >= 1");
    }

    public static QueryLimits defaults() {
        return new QueryLimits(Duration.ofSeconds(5), 2, 1);
    }
}
