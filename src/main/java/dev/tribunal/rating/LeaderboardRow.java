package dev.tribunal.rating;

/**
 * One contestant on a leaderboard.
 *
 * @param name            the contestant
 * @param rating          Elo-scale rating (Bradley–Terry, style-controlled Bradley–Terry, or online Elo)
 * @param ratingLower     2.5 % bootstrap quantile of the rating; NaN without an interval (no bootstrap, or too
 *                        little information)
 * @param ratingUpper     97.5 % bootstrap quantile of the rating; NaN without an interval
 * @param score           100 × P(this contestant beats the baseline) from the ratings; NaN without a baseline, or
 *                        when this contestant never met the baseline, directly or through others
 * @param scoreLower      2.5 % bootstrap quantile of the score; NaN without a score or an interval
 * @param scoreUpper      97.5 % bootstrap quantile of the score; NaN without a score or an interval
 * @param rankUb          1 + the number of contestants whose lower bound is above this one's upper bound
 * @param battles         weighted number of battles this contestant took part in
 * @param observedWinRate 100 × weighted mean outcome of its battles against the baseline (ties ½, AlpacaEval's
 *                        win rate); NaN without a baseline, for the baseline itself, or without such battles
 * @param tooLittleInformation its rating exists only thanks to the weak prior, or no bootstrap resample moved it
 *                        (see {@link RatingEngine}): it has no interval
 */
public record LeaderboardRow(String name, double rating, double ratingLower, double ratingUpper,
                             double score, double scoreLower, double scoreUpper,
                             int rankUb, double battles, double observedWinRate, boolean tooLittleInformation) {
}
