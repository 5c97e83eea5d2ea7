package dev.tribunal.rating;

/**
 * One contestant on a leaderboard.
 *
 * @param name            the contestant
 * @param rating          Elo-scale rating (Bradley–Terry, style-controlled Bradley–Terry, or online Elo)
 * @param ratingLower     2.5 % bootstrap quantile of the rating (= rating without bootstrap)
 * @param ratingUpper     97.5 % bootstrap quantile of the rating (= rating without bootstrap)
 * @param score           100 × P(this contestant beats the baseline) from the ratings; NaN without a baseline
 * @param scoreLower      2.5 % bootstrap quantile of the score; NaN without a baseline
 * @param scoreUpper      97.5 % bootstrap quantile of the score; NaN without a baseline
 * @param rankUb          1 + the number of contestants whose lower bound is above this one's upper bound
 * @param battles         weighted number of battles this contestant took part in
 * @param observedWinRate 100 × weighted mean outcome of its battles against the baseline (ties ½, AlpacaEval's
 *                        win rate); NaN without a baseline, for the baseline itself, or without such battles
 */
public record LeaderboardRow(String name, double rating, double ratingLower, double ratingUpper,
                             double score, double scoreLower, double scoreUpper,
                             int rankUb, double battles, double observedWinRate) {
}
