package dev.tribunal.rating;

import java.util.ArrayList;
import java.util.Arrays;
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
        List<String> bootstrapNotes = new ArrayList<>();
        Intervals intervals = options.rounds() == 0 ? Intervals.degenerate(rating, scores(rating, baseline))
                : bootstrap(estimator, options, anchor < 0 ? null : names.get(anchor), anchor, baseline, bootstrapNotes);
        notes.addAll(estimator.notes());
        notes.addAll(bootstrapNotes);
        List<LeaderboardRow> rows = rows(battles, rating, scores(rating, baseline), intervals, baseline);
        if (rows.size() < names.size()) {
            notes.add((names.size() - rows.size()) + " contestants have no battles this method can use and are not listed");
        }
        return new Leaderboard(rows, options, battles.totalWeight(), notes, estimator.style(), predicted(rows));
    }

    public static Leaderboard rate(List<Battle> battles, RatingOptions options) {
        return rate(BattleSet.of(battles), options);
    }

    /** 2.5 % and 97.5 % quantiles of the ratings and of the scores. */
    private record Intervals(double[] lower, double[] upper, double[] scoreLower, double[] scoreUpper) {
        static Intervals degenerate(double[] rating, double[] score) {
            return new Intervals(rating, rating, score, score);
        }
    }

    private static Intervals bootstrap(Estimator estimator, RatingOptions options, String anchorName, int anchor,
                                       int baseline, List<String> notes) {
        BootstrapIntervals.Samples samples = new BootstrapIntervals(options.rounds(), options.seed(), options.threads())
                .sample(estimator::round);
        if (anchor >= 0) samples = withoutRoundsMissing(samples, anchorName, anchor, notes);
        BootstrapIntervals.Samples scores = samples.map(r -> scores(r, baseline));
        return new Intervals(samples.quantile(BootstrapIntervals.LOWER), samples.quantile(BootstrapIntervals.UPPER),
                scores.quantile(BootstrapIntervals.LOWER), scores.quantile(BootstrapIntervals.UPPER));
    }

    /** A row per contestant the method could rate, by rating descending, then name. */
    private static List<LeaderboardRow> rows(BattleSet battles, double[] rating, double[] score, Intervals intervals,
                                             int baseline) {
        int[] rank = RankRange.upperRanks(intervals.lower(), intervals.upper());
        double[] played = battles.cells().battlesPerContestant();
        double[] observed = baseline >= 0 ? battles.cells().observedWinRates(baseline) : null;
        List<LeaderboardRow> rows = new ArrayList<>();
        for (int i = 0; i < rating.length; i++) {
            if (Double.isNaN(rating[i])) continue;
            rows.add(new LeaderboardRow(battles.contestants().get(i), rating[i], intervals.lower()[i],
                    intervals.upper()[i], score[i], intervals.scoreLower()[i], intervals.scoreUpper()[i], rank[i],
                    played[i], observed == null ? Double.NaN : observed[i]));
        }
        rows.sort(Comparator.comparingDouble(LeaderboardRow::rating).reversed().thenComparing(LeaderboardRow::name));
        return rows;
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

    /**
     * Leaves out the rounds whose resample has no battle of the anchor: their ratings are not on the anchored scale
     * of the others.
     */
    private static BootstrapIntervals.Samples withoutRoundsMissing(BootstrapIntervals.Samples samples, String name,
                                                                   int anchor, List<String> notes) {
        int[] missing = {0};
        BootstrapIntervals.Samples kept = samples.map(round -> {
            if (!Double.isNaN(round[anchor])) return round;
            missing[0]++;
            double[] dropped = new double[round.length];
            Arrays.fill(dropped, Double.NaN);
            return dropped;
        });
        if (missing[0] > 0) {
            notes.add(missing[0] + " of " + samples.values().length + " bootstrap resamples had no battle of the anchor "
                    + name + " and were left out of the intervals");
        }
        return kept;
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
