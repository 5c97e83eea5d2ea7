package dev.tribunal.store;

import java.util.Objects;

/**
 * One contestant's line in a leaderboard snapshot.
 *
 * @param rankUb    1 + the number of contestants whose lower bound is above this one's upper bound
 * @param rating    on the Elo scale; ratingLower/Upper its 95 % interval, or null without a bootstrap
 * @param score     e.g. the win-rate against a baseline in percent, or null; scoreLower/Upper its interval
 * @param battles   the (weighted) number of battles the contestant took part in
 * @param avgTokens the average answer length in tokens, or null when unknown
 */
public record SnapshotRow(String contestant, int rankUb, double rating, Double ratingLower, Double ratingUpper,
                          Double score, Double scoreLower, Double scoreUpper, double battles, Double avgTokens) {

    public SnapshotRow {
        Objects.requireNonNull(contestant, "contestant");
    }
}
