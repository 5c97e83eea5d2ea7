package dev.tribunal.rating;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Measured coverage of the 95 % intervals ({@code scripts/bench-coverage}): boards simulated from known
 * Bradley–Terry ratings, rated, and the share of intervals that contain the true rating (both on the mean-1000
 * scale), with its Monte Carlo error (the standard deviation of the per-board share over √boards). A row without
 * an interval (too little information) counts as covering (its interval is unbounded) and is counted apart.
 * <p>
 * Designs, 8 contestants with true ratings 1000 + 100·z (z standard normal, drawn per board):
 * <ul>
 *   <li>uniform: 2,000 battles of uniformly drawn pairs, no ties;</li>
 *   <li>skewed: 2,000 battles, contestant k drawn with weight 2^−k, so the last plays ~1 % of the battles;</li>
 *   <li>clustered: 300 questions of a random pair, 5 battles each (five judges); each battle takes the question's
 *       shared outcome with probability 0.7, else its own, both Bernoulli(p): the marginal is still p, but the
 *       battles of a question are correlated (ρ = 0.49);</li>
 *   <li>ties: 2,000 uniform battles, a tie with probability 2·0.3·min(p, 1 − p), so closer pairs tie more and
 *       the expected outcome stays p.</li>
 * </ul>
 * Usage: CoverageBench [boards=400] [rounds=1000]
 */
public final class CoverageBench {
    private static final int CONTESTANTS = 8;

    private CoverageBench() {
    }

    private enum Design { UNIFORM, SKEWED, CLUSTERED, TIES }

    private record Method(String name, RatingOptions options, boolean byQuestion) {
    }

    public static void main(String[] args) {
        int boards = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int threads = Runtime.getRuntime().availableProcessors();
        RatingOptions bootstrap = RatingOptions.defaults().withRounds(rounds).withThreads(threads);
        RatingOptions sandwich = bootstrap.withIntervals(IntervalMethod.SANDWICH);
        System.out.printf(Locale.ROOT, "%d boards per design, %d contestants, %d bootstrap rounds; goal 95 ± 1.5 %%%n",
                boards, CONTESTANTS, rounds);
        System.out.printf(Locale.ROOT, "%-10s | %-26s | %16s | %9s | %s%n", "design", "method", "coverage", "no interval", "mean width (Elo)");
        for (Design design : Design.values()) {
            List<Method> methods = new ArrayList<>(List.of(new Method("bootstrap of battles", bootstrap, false),
                    new Method("sandwich", sandwich, false)));
            if (design == Design.CLUSTERED) {
                methods.add(new Method("bootstrap of questions", bootstrap, true));
                methods.add(new Method("sandwich, cluster-robust", sandwich, true));
            }
            for (Method method : methods) {
                double sum = 0;
                double squares = 0;
                long withoutInterval = 0;
                double width = 0;
                long widths = 0;
                for (int b = 0; b < boards; b++) {
                    SplittableRandom random = new SplittableRandom(1000L * design.ordinal() + b);
                    double[] truth = new double[CONTESTANTS];
                    double mean = 0;
                    for (int i = 0; i < CONTESTANTS; i++) {
                        truth[i] = 100 * gaussian(random);
                        mean += truth[i] / CONTESTANTS;
                    }
                    for (int i = 0; i < CONTESTANTS; i++) truth[i] += 1000 - mean;
                    Leaderboard board = RatingEngine.rate(battles(design, truth, random, method.byQuestion()),
                            method.options().withSeed(b));
                    int covered = 0;
                    for (LeaderboardRow row : board.rows()) {
                        double t = truth[Integer.parseInt(row.name().substring(1))];
                        if (Double.isNaN(row.ratingLower())) {
                            withoutInterval++;
                            covered++;
                        } else {
                            if (row.ratingLower() <= t && t <= row.ratingUpper()) covered++;
                            width += row.ratingUpper() - row.ratingLower();
                            widths++;
                        }
                    }
                    double share = (double) covered / board.rows().size();
                    sum += share;
                    squares += share * share;
                }
                double coverage = sum / boards;
                double error = Math.sqrt(Math.max(0, squares / boards - coverage * coverage) / boards);
                System.out.printf(Locale.ROOT, "%-10s | %-26s | %6.2f %% ± %4.2f | %9.2f%% | %.1f%n",
                        design.name().toLowerCase(Locale.ROOT), method.name(), 100 * coverage, 100 * error,
                        100.0 * withoutInterval / (boards * CONTESTANTS), widths == 0 ? Double.NaN : width / widths);
            }
        }
    }

    private static BattleSet battles(Design design, double[] truth, SplittableRandom random, boolean byQuestion) {
        BattleSet.Builder builder = BattleSet.builder();
        if (byQuestion) builder.keepUnits(ClusterBy.QUESTION);
        if (design == Design.CLUSTERED) {
            for (int q = 0; q < 300; q++) {
                int a = random.nextInt(CONTESTANTS);
                int b = (a + 1 + random.nextInt(CONTESTANTS - 1)) % CONTESTANTS;
                double p = WinRateMatrix.probability(truth[a], truth[b]);
                double shared = random.nextDouble() < p ? 1 : 0;
                for (int judge = 0; judge < 5; judge++) {
                    double own = random.nextDouble() < p ? 1 : 0;
                    double outcome = random.nextDouble() < 0.7 ? shared : own;
                    builder.add(new Battle("m" + a, "m" + b, outcome, 1, null, q, null, null, "q" + q));
                }
            }
            return builder.build();
        }
        for (int k = 0; k < 2000; k++) {
            int a;
            int b;
            if (design == Design.SKEWED) {
                a = skewed(random);
                do {
                    b = skewed(random);
                } while (b == a);
            } else {
                a = random.nextInt(CONTESTANTS);
                b = (a + 1 + random.nextInt(CONTESTANTS - 1)) % CONTESTANTS;
            }
            double p = WinRateMatrix.probability(truth[a], truth[b]);
            double tie = design == Design.TIES ? 2 * 0.3 * Math.min(p, 1 - p) : 0;
            double u = random.nextDouble();
            double outcome = u < p - tie / 2 ? 1 : u < p + tie / 2 ? 0.5 : 0;
            builder.add(new Battle("m" + a, "m" + b, outcome, 1, null, k, null, null));
        }
        return builder.build();
    }

    /** Contestant k with probability ∝ 2^−k. */
    private static int skewed(SplittableRandom random) {
        double u = random.nextDouble() * (2 - Math.pow(2, 1 - CONTESTANTS));
        double edge = 1;
        for (int k = 0; k < CONTESTANTS - 1; k++) {
            if (u < edge) return k;
            u -= edge;
            edge /= 2;
        }
        return CONTESTANTS - 1;
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
