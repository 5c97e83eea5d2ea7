package dev.tribunal.bench.collective;

/**
 * One model on a collective board.
 *
 * @param score       the mean over questions of its answers' weighted mean ratings (1–5)
 * @param scoreLower  2.5 % bootstrap quantile of the score, questions resampled (NaN without an interval)
 * @param scoreUpper  97.5 % quantile
 * @param rating      Bradley–Terry rating from the answers' pairwise battles (the higher-scored answer wins)
 * @param ratingLower 2.5 % bootstrap quantile of the rating (NaN without an interval)
 * @param ratingUpper 97.5 % quantile
 * @param rank        1 + the number of models whose rating interval lies wholly above this one's
 * @param battles     its battles on the board
 * @param questions   the questions it has a score on
 */
public record CollectiveRow(String model, double score, double scoreLower, double scoreUpper, double rating,
                            double ratingLower, double ratingUpper, int rank, double battles, int questions) {
}
