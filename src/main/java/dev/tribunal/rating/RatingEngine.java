package dev.tribunal.rating;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns battles into a leaderboard: the one seam between every source of battles and every output.
 * <p>
 * Ratings come from the method the options name (Bradley–Terry, style-controlled Bradley–Terry, or online Elo),
 * anchored ({@link RatingOptions#effectiveAnchor()} at its rating, else mean {@code anchorRating}); intervals
 * from {@code rounds} bootstrap rounds; the score of contestant i is 100·P(i beats baseline) =
 * 100 / (1 + 10^((R_baseline − R_i)/400)), computed in every round for its interval; ranks from
 * {@link RankRange}. Pure computation: no I/O, deterministic for a given seed whatever the thread count.
 */
public final class RatingEngine {

    private RatingEngine() {
    }

    /** Rates {@code battles} as {@code options} say. */
    public static Leaderboard rate(BattleSet battles, RatingOptions options) {
        List<String> names = battles.contestants();
        List<String> notes = new ArrayList<>();
        if (names.isEmpty()) {
            notes.add("no battles: nothing to rate");
            return new Leaderboard(List.of(), options, 0, notes, null, WinRateMatrix.of(List.of(), new double[0]));
        }
        int anchor = indexOf(names, options.effectiveAnchor());
        if (options.effectiveAnchor() != null && anchor < 0) {
            notes.add("the anchor " + options.effectiveAnchor() + " has no battles: ratings are centred at mean "
                    + ComponentNotes.number(options.anchorRating()) + " instead");
        }
        int baseline = indexOf(names, options.baseline());
        if (options.baseline() != null && baseline < 0) {
            notes.add("the baseline " + options.baseline() + " has no battles: there are no scores against it");
        }
        Estimator estimator = estimator(battles, options, new Anchoring(anchor, options.anchorRating()));
        double[] rating = estimator.point();
        double[] lower = rating;
        double[] upper = rating;
        double[] score = scores(rating, baseline);
        double[] scoreLower = score;
        double[] scoreUpper = score;
        if (options.rounds() > 0) {
            BootstrapIntervals.Samples samples = new BootstrapIntervals(options.rounds(), options.seed(), options.threads())
                    .sample(estimator::round);
            lower = samples.quantile(BootstrapIntervals.LOWER);
            upper = samples.quantile(BootstrapIntervals.UPPER);
            BootstrapIntervals.Samples scoreSamples = samples.map(r -> scores(r, baseline));
            scoreLower = scoreSamples.quantile(BootstrapIntervals.LOWER);
            scoreUpper = scoreSamples.quantile(BootstrapIntervals.UPPER);
        }
        notes.addAll(estimator.notes());
        int[] rank = RankRange.upperRanks(lower, upper);
        PairCounts cells = battles.cells();
        double[] played = cells.battlesPerContestant();
        double[] observed = baseline >= 0 ? cells.observedWinRates(baseline) : null;
        List<LeaderboardRow> rows = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (Double.isNaN(rating[i])) continue;
            rows.add(new LeaderboardRow(names.get(i), rating[i], lower[i], upper[i], score[i], scoreLower[i],
                    scoreUpper[i], rank[i], played[i], observed == null ? Double.NaN : observed[i]));
        }
        if (rows.size() < names.size()) {
            notes.add((names.size() - rows.size()) + " contestants have no battles this method can use and are not listed");
        }
        rows.sort(Comparator.comparingDouble(LeaderboardRow::rating).reversed().thenComparing(LeaderboardRow::name));
        return new Leaderboard(rows, options, battles.totalWeight(), notes, estimator.style(), predicted(rows));
    }

    public static Leaderboard rate(List<Battle> battles, RatingOptions options) {
        return rate(BattleSet.of(battles), options);
    }

    private static Estimator estimator(BattleSet battles, RatingOptions options, Anchoring anchoring) {
        List<String> names = battles.contestants();
        if (options.method() == RatingMethod.ELO) {
            if (!battles.hasRows()) {
                throw new IllegalArgumentException("online Elo needs the battle sequence: build the BattleSet with keepRows()");
            }
            return new OnlineEloEstimator(names.size(), battles.rows(),
                    new OnlineElo(options.eloK(), options.eloInitial()), anchoring);
        }
        if (options.styleControl()) {
            if (!battles.hasStyle()) {
                throw new IllegalArgumentException("style control needs the answer styles: build the BattleSet with keepStyle()");
            }
            return new StyleControlEstimator(names, battles.styleCells(), anchoring);
        }
        return new BradleyTerryEstimator(names, battles.cells(), anchoring);
    }

    /** 100·P(i beats the baseline) per contestant; NaN without a baseline or rating. */
    private static double[] scores(double[] rating, int baseline) {
        double[] score = new double[rating.length];
        for (int i = 0; i < rating.length; i++) {
            score[i] = baseline < 0 ? Double.NaN : 100 * WinRateMatrix.probability(rating[i], rating[baseline]);
        }
        return score;
    }

    private static WinRateMatrix predicted(List<LeaderboardRow> rows) {
        return WinRateMatrix.of(rows.stream().map(LeaderboardRow::name).toList(),
                rows.stream().mapToDouble(LeaderboardRow::rating).toArray());
    }

    private static int indexOf(List<String> names, String name) {
        return name == null ? -1 : names.indexOf(name);
    }
}
