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
 * 100 / (1 + 10^((R_baseline − R_i)/400)), computed in every round for its interval, and only where i and the
 * baseline are in one group of the comparison graph (else the two ratings are not on one scale); ranks from
 * {@link RankRange}. Pure computation: no I/O, deterministic for a given seed whatever the thread count.
 * <p>
 * A board never shows more certainty than its data. A contestant has <em>too little information</em> for an
 * interval when its rating exists only thanks to the weak prior (its group has no maximum-likelihood estimate:
 * some of it never lost, or never won, against the rest) or when no bootstrap resample moved its rating (one
 * battle, only ties, …): its interval is then unknown (NaN), which {@link RankRange} reads as unbounded. Without
 * bootstrap rounds no contestant has an interval. The anchor's rating is set, not estimated, and keeps its
 * zero-width interval.
 */
public final class RatingEngine {
    /** Intervals narrower than this (Elo points) count as zero width: the resamples did not move the rating. */
    private static final double NO_SPREAD = 1e-9;

    private RatingEngine() {
    }

    /** Rates {@code battles} as {@code options} say. */
    public static Leaderboard rate(BattleSet battles, RatingOptions options) {
        return rate(battles, options, PhaseListener.NONE);
    }

    /** Rates {@code battles} as {@code options} say, telling {@code phases} as the fit and the bootstrap end. */
    public static Leaderboard rate(BattleSet battles, RatingOptions options, PhaseListener phases) {
        List<String> names = battles.contestants();
        List<String> notes = new ArrayList<>();
        if (names.isEmpty()) {
            notes.add("no battles: nothing to rate");
            return new Leaderboard(List.of(), options, 0, notes, null, WinRateMatrix.of(List.of(), new double[0]), true);
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
        Estimator.Estimate estimate = estimator(battles, options, new Anchoring(anchor, options.anchorRating())).estimate();
        Estimator.Ratings point = estimate.point();
        double[] rating = point.rating();
        double[] score = scores(point, baseline);
        phases.ended(PhaseListener.Phase.FIT);
        notes.addAll(estimate.notes());
        boolean sandwich = options.intervals() == IntervalMethod.SANDWICH;
        if (options.rounds() > 0 || sandwich) noteClusters(battles, options, notes);
        Intervals intervals;
        if (sandwich) {
            SandwichIntervals.Result r = SandwichIntervals.of(battles.cells(), battles.hasUnits() ? battles.units() : null,
                    rating, point.component(), anchor, baseline, options.threads());
            intervals = new Intervals(r.lower(), r.upper(), r.scoreLower(), r.scoreUpper());
        } else {
            intervals = options.rounds() == 0 ? Intervals.none(names.size())
                    : bootstrap(estimate, options, names, anchor, baseline, notes);
        }
        phases.ended(PhaseListener.Phase.BOOTSTRAP);
        boolean[] uninformed = tooLittleInformation(estimate.fromPrior(), rating, intervals, anchor,
                sandwich || options.rounds() > 0);
        noteUnscored(names, point, baseline, notes);
        noteUninformed(names, uninformed, notes);
        List<LeaderboardRow> rows = rows(battles, rating, score, intervals, uninformed, baseline);
        if (rows.size() < names.size()) {
            notes.add((names.size() - rows.size()) + " contestants have no battles this method can use and are not listed");
        }
        return new Leaderboard(rows, options, battles.totalWeight(), notes, estimate.style(), predicted(rows),
                point.converged());
    }

    public static Leaderboard rate(List<Battle> battles, RatingOptions options) {
        return rate(BattleSet.of(battles), options);
    }

    /** 2.5 % and 97.5 % quantiles of the ratings and of the scores; NaN where there is none. */
    private record Intervals(double[] lower, double[] upper, double[] scoreLower, double[] scoreUpper) {
        static Intervals none(int n) {
            double[] nan = new double[n];
            Arrays.fill(nan, Double.NaN);
            return new Intervals(nan, nan, nan, nan);
        }
    }

    private static Intervals bootstrap(Estimator.Estimate estimate, RatingOptions options, List<String> names,
                                       int anchor, int baseline, List<String> notes) {
        List<Estimator.Ratings> rounds = new BootstrapIntervals(options.rounds(), options.seed(), options.threads())
                .sample(() -> estimate.rounds().worker()::round);
        int withPrior = 0;
        int notConverged = 0;
        int withoutAnchor = 0;
        double[][] ratings = new double[rounds.size()][];
        double[][] scores = new double[rounds.size()][];
        double[] noScores = new double[names.size()];   // one row for every round without a baseline
        Arrays.fill(noScores, Double.NaN);
        for (int r = 0; r < rounds.size(); r++) {
            Estimator.Ratings round = rounds.get(r);
            if (round.priorApplied()) withPrior++;
            if (!round.converged()) notConverged++;
            if (anchor >= 0 && Double.isNaN(round.rating()[anchor])) {
                // its ratings are not on the anchored scale of the others
                withoutAnchor++;
                ratings[r] = new double[names.size()];
                Arrays.fill(ratings[r], Double.NaN);
                scores[r] = ratings[r];
            } else {
                ratings[r] = round.rating();
                scores[r] = baseline < 0 ? noScores : scores(round, baseline);
            }
        }
        if (withPrior > 0 && !estimate.point().priorApplied()) {
            notes.add(withPrior + " of " + rounds.size() + " bootstrap resamples had no maximum-likelihood estimate"
                    + " (some contestant never lost or never won in it) and were fitted with the same weak prior"
                    + " of one virtual tie per compared pair");
        }
        if (notConverged > 0) {
            notes.add(notConverged + " of " + rounds.size() + " bootstrap refits did not converge (they stopped at"
                    + " the iteration limit or without a decreasing step); their last iterates are in the intervals");
        }
        if (withoutAnchor > 0) {
            notes.add(withoutAnchor + " of " + rounds.size() + " bootstrap resamples had no battle of the anchor "
                    + names.get(anchor) + " and were left out of the intervals");
        }
        BootstrapIntervals.Samples r = new BootstrapIntervals.Samples(ratings);
        BootstrapIntervals.Samples s = new BootstrapIntervals.Samples(scores);
        return new Intervals(r.quantile(BootstrapIntervals.LOWER), r.quantile(BootstrapIntervals.UPPER),
                s.quantile(BootstrapIntervals.LOWER), s.quantile(BootstrapIntervals.UPPER));
    }

    /** What the bootstrap resampled when the battles' units were kept. */
    private static void noteClusters(BattleSet battles, RatingOptions options, List<String> notes) {
        if (!battles.hasUnits()) return;
        String kind = battles.units().kind;
        if (options.method() != RatingMethod.BRADLEY_TERRY || options.styleControl()) {
            notes.add("the cluster bootstrap (by " + kind + ") is implemented for Bradley–Terry only: this method's"
                    + " bootstrap resampled battles, as if they were independent");
            return;
        }
        String note = options.intervals() == IntervalMethod.SANDWICH
                ? "cluster-robust sandwich intervals: the scores of the " + battles.unitCount() + " " + kind + "s"
                        + " were summed per " + kind + " rather than per battle, since battles of one " + kind
                        + " are not independent"
                : "cluster bootstrap: each round resampled the " + battles.unitCount() + " " + kind + "s"
                + " with replacement, with all of their battles, rather than the " + battles.battleCount()
                + " battles one by one, since battles of one " + kind + " are not independent";
        if (battles.battlesWithoutUnit() > 0) {
            note += "; " + battles.battlesWithoutUnit() + " battles had no " + kind + " and each counted as its own";
        }
        notes.add(note);
    }

    /**
     * Contestants whose rating rests on the prior alone, or (with intervals) whose interval has no width: no
     * resample moved it, or its sandwich variance is 0 (every battle exactly as predicted, e.g. only ties),
     * the anchor excepted: its rating is set, not estimated.
     */
    private static boolean[] tooLittleInformation(boolean[] fromPrior, double[] rating, Intervals intervals, int anchor,
                                                  boolean bootstrapped) {
        boolean[] uninformed = new boolean[rating.length];
        for (int i = 0; i < rating.length; i++) {
            if (i == anchor || Double.isNaN(rating[i])) continue;
            boolean noSpread = bootstrapped && !(intervals.upper()[i] - intervals.lower()[i] > NO_SPREAD);
            uninformed[i] = fromPrior[i] || noSpread;
        }
        return uninformed;
    }

    private static void noteUninformed(List<String> names, boolean[] uninformed, List<String> notes) {
        List<String> listed = new ArrayList<>();
        for (int i = 0; i < uninformed.length; i++) {
            if (uninformed[i]) listed.add(names.get(i));
        }
        if (listed.isEmpty()) return;
        notes.add(listed.size() + " contestant" + (listed.size() == 1 ? " has" : "s have") + " too little information"
                + " for an interval: " + ComponentNotes.list(listed) + ". A rating has too little information when it"
                + " exists only thanks to the weak prior (its group never lost, or never won, against the rest) or when"
                + " no bootstrap resample moved it (e.g. a single battle, or only ties); such a rating shows no interval,"
                + " and its rank range starts at 1");
    }

    /** Contestants in another group of the comparison graph than the baseline: no score, and why. */
    private static void noteUnscored(List<String> names, Estimator.Ratings point, int baseline, List<String> notes) {
        if (baseline < 0) return;
        List<String> unscored = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (point.component()[i] >= 0 && point.component()[i] != point.component()[baseline]) unscored.add(names.get(i));
        }
        if (unscored.isEmpty()) return;
        String base = names.get(baseline);
        notes.add("no score against " + base + " for " + ComponentNotes.list(unscored) + ": they never met " + base
                + ", directly or through others, so their ratings are not on its scale");
    }

    /** A row per contestant the method could rate, by rating descending, then name. */
    private static List<LeaderboardRow> rows(BattleSet battles, double[] rating, double[] score, Intervals intervals,
                                             boolean[] uninformed, int baseline) {
        int n = rating.length;
        double[] lower = intervals.lower().clone();
        double[] upper = intervals.upper().clone();
        double[] scoreLower = intervals.scoreLower().clone();
        double[] scoreUpper = intervals.scoreUpper().clone();
        for (int i = 0; i < n; i++) {
            if (!uninformed[i]) continue;
            lower[i] = upper[i] = scoreLower[i] = scoreUpper[i] = Double.NaN;
        }
        int[] rank = RankRange.upperRanks(lower, upper);
        double[] played = battles.cells().battlesPerContestant();
        double[] observed = baseline >= 0 ? battles.cells().observedWinRates(baseline) : null;
        List<LeaderboardRow> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(rating[i])) continue;
            rows.add(new LeaderboardRow(battles.contestants().get(i), rating[i], lower[i], upper[i], score[i],
                    scoreLower[i], scoreUpper[i], rank[i], played[i], observed == null ? Double.NaN : observed[i],
                    uninformed[i]));
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
            return new OnlineEloEstimator(names, battles.cells(), battles.rows(),
                    new OnlineElo(options.eloK(), options.eloInitial()), options.eloInitial(), anchoring);
        }
        if (options.styleControl()) {
            if (!battles.hasStyle()) {
                throw new IllegalArgumentException("style control needs the answer styles: build the BattleSet with keepStyle()");
            }
            return new StyleControlEstimator(names, battles.styleCells(), anchoring);
        }
        return new BradleyTerryEstimator(names, battles.cells(), battles.hasUnits() ? battles.units() : null, anchoring);
    }

    /**
     * 100·P(i beats the baseline) per contestant; NaN without a baseline or rating, and for contestants in another
     * group of the comparison graph than the baseline.
     */
    private static double[] scores(Estimator.Ratings ratings, int baseline) {
        double[] rating = ratings.rating();
        int[] component = ratings.component();
        double[] score = new double[rating.length];
        for (int i = 0; i < rating.length; i++) {
            boolean together = baseline >= 0 && component[i] >= 0 && component[i] == component[baseline];
            score[i] = together ? 100 * WinRateMatrix.probability(rating[i], rating[baseline]) : Double.NaN;
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
