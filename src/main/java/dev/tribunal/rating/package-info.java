/**
 * The rating engine: pure math, no I/O. Battles in ({@link dev.tribunal.rating.Battle}, aggregated by
 * {@link dev.tribunal.rating.BattleSet}), a {@link dev.tribunal.rating.Leaderboard} out
 * ({@link dev.tribunal.rating.RatingEngine#rate(BattleSet, RatingOptions)}).
 * <p>
 * One class per method, its formula in its Javadoc: {@code BradleyTerry} (maximum likelihood by Newton's method on
 * pair scores), {@code OnlineElo}, {@code StyleControl} (L2-regularised logistic regression with style covariates),
 * {@code BootstrapIntervals} (seeded percentile bootstrap, multinomial resampling of cells by
 * {@code MultinomialResampler}), {@code RankRange}, {@link dev.tribunal.rating.WinRateMatrix}.
 */
package dev.tribunal.rating;
