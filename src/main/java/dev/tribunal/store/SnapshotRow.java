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
 * @param styleScore the score with answer length and markdown held equal (style control), or null;
 *                   styleScoreLower/Upper its interval
 */
public record SnapshotRow(String contestant, int rankUb, double rating, Double ratingLower, Double ratingUpper,
                          Double score, Double scoreLower, Double scoreUpper, double battles, Double avgTokens,
                          Double styleScore, Double styleScoreLower, Double styleScoreUpper) {

    /** Without a style-controlled score. */
    public SnapshotRow(String contestant, int rankUb, double rating, Double ratingLower, Double ratingUpper,
                       Double score, Double scoreLower, Double scoreUpper, double battles, Double avgTokens) {
        this(contestant, rankUb, rating, ratingLower, ratingUpper, score, scoreLower, scoreUpper, battles, avgTokens,
                null, null, null);
    }

    public SnapshotRow {
        Objects.requireNonNull(contestant, "contestant");
    }
}
