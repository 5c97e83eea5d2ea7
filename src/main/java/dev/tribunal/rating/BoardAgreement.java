package dev.tribunal.rating;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * How well the models' leaderboard that a judge's verdicts produce matches the one people's votes produce, as
 * OpenEuroLLM's JudgeArena reports it: both boards are Bradley–Terry fits (Elo scale, mean 1000), compared over the
 * models on both by Spearman's ρ of the ratings and by the mean absolute rating difference
 * <pre>MAD = (1/m) Σ_i |R_judge(i) − R_people(i)|.</pre>
 * The 95 % intervals come from a cluster bootstrap: a round resamples the units (a unit is one pair of answers,
 * with every judge verdict and every vote on it) with replacement, refits both boards and takes the 2.5 % and
 * 97.5 % quantiles. Seeded: the same units and seed give the same result. ρ is NaN with fewer than three models on
 * both boards (two points always correlate perfectly).
 */
public record BoardAgreement(int models, double spearman, double spearmanLower, double spearmanUpper,
                             double meanAbsoluteDifference, double madLower, double madUpper, int rounds) {

    /** One pair of answers: the judge's battles and people's battles on it. */
    public record Unit(List<Battle> judge, List<Battle> people) {
    }

    private static final RatingOptions POINT = RatingOptions.defaults().withRounds(0).withThreads(1);

    public static BoardAgreement of(List<Unit> units, int rounds, long seed) {
        double[] point = compare(units);
        if (Double.isNaN(point[2])) {
            return new BoardAgreement((int) point[0], Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, 0);
        }
        List<Double> rhos = new ArrayList<>();
        List<Double> mads = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(seed);
        List<Unit> resample = new ArrayList<>(units.size());
        for (int r = 0; r < rounds; r++) {
            resample.clear();
            for (int i = 0; i < units.size(); i++) resample.add(units.get(random.nextInt(units.size())));
            double[] c = compare(resample);
            if (!Double.isNaN(c[1])) rhos.add(c[1]);
            if (!Double.isNaN(c[2])) mads.add(c[2]);
        }
        return new BoardAgreement((int) point[0], point[1], quantile(rhos, 2.5), quantile(rhos, 97.5), point[2],
                quantile(mads, 2.5), quantile(mads, 97.5), rounds);
    }

    /** {models on both boards, ρ, MAD} for these units. */
    private static double[] compare(List<Unit> units) {
        List<Battle> judge = new ArrayList<>();
        List<Battle> people = new ArrayList<>();
        for (Unit u : units) {
            judge.addAll(u.judge());
            people.addAll(u.people());
        }
        if (judge.isEmpty() || people.isEmpty()) return new double[] {0, Double.NaN, Double.NaN};
        Leaderboard a = RatingEngine.rate(judge, POINT);
        Leaderboard b = RatingEngine.rate(people, POINT);
        java.util.Map<String, Double> peopleRating = new java.util.HashMap<>();
        for (LeaderboardRow row : b.rows()) peopleRating.put(row.name(), row.rating());
        List<double[]> both = new ArrayList<>();
        for (LeaderboardRow row : a.rows()) {
            Double other = peopleRating.get(row.name());
            if (other != null) both.add(new double[] {row.rating(), other});
        }
        if (both.size() < 2) return new double[] {both.size(), Double.NaN, Double.NaN};
        double[] x = both.stream().mapToDouble(p -> p[0]).toArray();
        double[] y = both.stream().mapToDouble(p -> p[1]).toArray();
        double mad = 0;
        for (int i = 0; i < x.length; i++) mad += Math.abs(x[i] - y[i]);
        double rho = both.size() < 3 ? Double.NaN : new SpearmansCorrelation().correlation(x, y);
        return new double[] {both.size(), rho, mad / x.length};
    }

    private static double quantile(List<Double> values, double p) {
        if (values.isEmpty()) return Double.NaN;
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return new Percentile().withEstimationType(Percentile.EstimationType.R_7).evaluate(sorted, p);
    }
}
