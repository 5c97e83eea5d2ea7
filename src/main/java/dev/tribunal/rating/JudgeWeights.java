package dev.tribunal.rating;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Weights of the judges of a peer evaluation, where the judges are contestants too. Every rule returns a weight
 * per judge, w_j ≥ 0 with Σ_j w_j = 1, in the order of the judges' names.
 * <ul>
 *   <li><b>Equal</b> ({@link #equal}): w_j = 1 / k for k judges.</li>
 *   <li><b>AutoBench</b> ({@link #autobench(Map)}): a judge's weight follows its own current score as a
 *       contestant, w_j = s_j / Σ_i s_i (scores ≥ 0; all zero gives equal weights). On battles
 *       ({@link #autobench(List, int)}) the score is the judge's weighted win rate ({@link #winRates}), recomputed
 *       with the new weights each iteration.</li>
 *   <li><b>Peer Rank</b> ({@link #peerRank}), PRD (Li, Patel and Du, arXiv 2307.02762; bcdnlp/PRD {@code peer_ranking.ipynb}): start with equal weights;
 *       each iteration rescales the current weights to mean 1 (w'_j = k·w_j / Σ w), takes each contestant's weighted
 *       win rate, r_c = Σ_{battles of c} w'_judge · o_c / n_c (o_c = 1 win, ½ tie, 0 loss; n_c its number of
 *       battles), and sets the new weights to the judges' own win rates, min-max normalised and then divided by
 *       their sum: u_j = (r_j − min r) / (max r − min r), w_j = u_j / Σ u. The weakest judge's weight is therefore
 *       0 after every iteration. When all judges' win rates are equal the weights stay equal.</li>
 * </ul>
 * Cost: O(battles + contestants) per iteration, O(iterations · battles) in all; memory O(battles) for three int
 * indices per battle. Nothing is kept between calls.
 */
public final class JudgeWeights {
    /** PRD's number of Peer Rank iterations, as its notebook's published weights use ({@code normal_winrate(reviews, 5)}). */
    public static final int DEFAULT_ITERATIONS = 5;

    private JudgeWeights() {
    }

    /**
     * w_j = 1 / k over the k distinct judges.
     *
     * @throws IllegalArgumentException when there are no judges
     */
    public static Map<String, Double> equal(Collection<String> judges) {
        TreeSet<String> names = new TreeSet<>(judges);
        if (names.isEmpty()) throw new IllegalArgumentException("no judges to weight");
        double w = 1.0 / names.size();
        Map<String, Double> weights = new LinkedHashMap<>();
        for (String judge : names) weights.put(judge, w);
        return Collections.unmodifiableMap(weights);
    }

    /**
     * AutoBench's rule: w_j = s_j / Σ_i s_i, the judge's own current score normalised to sum 1; equal weights when
     * every score is 0.
     *
     * @param judgeOwnScores each judge's current score as a contestant (≥ 0, finite)
     * @throws IllegalArgumentException when there are no judges or a score is negative or not finite
     */
    public static Map<String, Double> autobench(Map<String, Double> judgeOwnScores) {
        if (judgeOwnScores.isEmpty()) throw new IllegalArgumentException("no judges to weight");
        double sum = 0;
        for (Map.Entry<String, Double> e : judgeOwnScores.entrySet()) {
            Double s = e.getValue();
            if (s == null || !(s >= 0) || Double.isInfinite(s)) {
                throw new IllegalArgumentException("the score of judge " + e.getKey() + " must be >= 0 and finite: " + s);
            }
            sum += s;
        }
        if (sum == 0) return equal(judgeOwnScores.keySet());
        Map<String, Double> weights = new LinkedHashMap<>();
        for (String judge : new TreeSet<>(judgeOwnScores.keySet())) weights.put(judge, judgeOwnScores.get(judge) / sum);
        return Collections.unmodifiableMap(weights);
    }

    /**
     * AutoBench's rule on battles: start equal; each iteration sets w_j = r_j / Σ_i r_i with r the weighted win
     * rates under the current weights ({@link #winRates}).
     *
     * @throws IllegalArgumentException when there are no battles, a judge is not also a contestant, or
     *                                  iterations &lt; 0
     */
    public static Map<String, Double> autobench(List<JudgedBattle> battles, int iterations) {
        return new Peers(battles).iterate(iterations, false);
    }

    /** {@link #peerRank(List, int)} with PRD's {@value #DEFAULT_ITERATIONS} iterations. */
    public static Map<String, Double> peerRank(List<JudgedBattle> battles) {
        return peerRank(battles, DEFAULT_ITERATIONS);
    }

    /**
     * PRD's Peer Rank weights after {@code iterations} iterations (0 gives the equal starting weights).
     *
     * @throws IllegalArgumentException when there are no battles, a judge is not also a contestant, or
     *                                  iterations &lt; 0
     */
    public static Map<String, Double> peerRank(List<JudgedBattle> battles, int iterations) {
        return new Peers(battles).iterate(iterations, true);
    }

    /**
     * A rule's result on battles.
     *
     * @param weights  each judge's weight, summing to 1, by name
     * @param winRates each contestant's weighted win rate under those weights ({@link #winRates}), by name
     */
    public record Weighting(WeightRule rule, int iterations, Map<String, Double> weights, Map<String, Double> winRates) {

        /** What one verdict of {@code judge} counts as: its weight rescaled to mean 1 over the judges, k·w_j. */
        public double meanOne(String judge) {
            Double w = weights.get(judge);
            if (w == null) throw new IllegalArgumentException("judge " + judge + " has no weight");
            return weights.size() * w;
        }
    }

    /** The weights of {@code rule} on the battles and the contestants' weighted win rates under them. */
    public static Weighting weigh(WeightRule rule, List<JudgedBattle> battles, int iterations) {
        Map<String, Double> weights = of(rule, battles, iterations);
        return new Weighting(rule, iterations, weights, winRates(battles, weights));
    }

    /** The weights of {@code rule} on the battles: equal, or AutoBench's or PRD's iteration. */
    public static Map<String, Double> of(WeightRule rule, List<JudgedBattle> battles, int iterations) {
        return switch (rule) {
            case EQUAL -> equal(new Peers(battles).judgeNames());
            case AUTOBENCH -> autobench(battles, iterations);
            case PEER_RANK -> peerRank(battles, iterations);
        };
    }

    /**
     * Each contestant's weighted win rate r_c = Σ_{battles of c} w'_judge · o_c / n_c, with the judges' weights
     * rescaled to mean 1 over the judges of {@code judgeWeights} (w'_j = k·w_j / Σ w), as PRD defines it. With equal
     * weights it is the plain win rate (ties count ½); with unequal ones it can exceed 1 (a contestant that wins
     * every verdict of judges weighted above the mean).
     *
     * @throws IllegalArgumentException when a battle's judge has no weight, or the weights do not have a positive,
     *                                  finite sum
     */
    public static Map<String, Double> winRates(List<JudgedBattle> battles, Map<String, Double> judgeWeights) {
        Peers peers = new Peers(battles);
        double[] w = new double[peers.judges.length];
        for (int j = 0; j < w.length; j++) {
            Double weight = judgeWeights.get(peers.judges[j]);
            if (weight == null) throw new IllegalArgumentException("judge " + peers.judges[j] + " has no weight");
            w[j] = weight;
        }
        double[] scaled = peers.meanOne(w, judgeWeights.size(), sum(judgeWeights.values()));
        return peers.byContestant(peers.winRates(scaled));
    }

    private static double sum(Collection<Double> values) {
        double s = 0;
        for (Double v : values) {
            if (v == null || !(v >= 0) || Double.isInfinite(v)) throw new IllegalArgumentException("weights must be >= 0 and finite: " + v);
            s += v;
        }
        return s;
    }

    /** The battles as indices: judge, a and b of each, and each contestant's number of battles. */
    private static final class Peers {
        final String[] judges;
        final String[] contestants;
        final int[] judge;
        final int[] a;
        final int[] b;
        final double[] outcome;
        final int[] battlesOf;
        /** The contestant index of judge j. */
        final int[] judgeAsContestant;

        Peers(List<JudgedBattle> battles) {
            if (battles.isEmpty()) throw new IllegalArgumentException("no battles to weight the judges by");
            TreeSet<String> judgeNames = new TreeSet<>();
            TreeSet<String> contestantNames = new TreeSet<>();
            for (JudgedBattle battle : battles) {
                judgeNames.add(battle.judge());
                contestantNames.add(battle.a());
                contestantNames.add(battle.b());
            }
            judges = judgeNames.toArray(String[]::new);
            contestants = contestantNames.toArray(String[]::new);
            Map<String, Integer> judgeIndex = index(judges);
            Map<String, Integer> contestantIndex = index(contestants);
            int n = battles.size();
            judge = new int[n];
            a = new int[n];
            b = new int[n];
            outcome = new double[n];
            battlesOf = new int[contestants.length];
            for (int i = 0; i < n; i++) {
                JudgedBattle battle = battles.get(i);
                judge[i] = judgeIndex.get(battle.judge());
                a[i] = contestantIndex.get(battle.a());
                b[i] = contestantIndex.get(battle.b());
                outcome[i] = battle.outcomeForA();
                battlesOf[a[i]]++;
                battlesOf[b[i]]++;
            }
            judgeAsContestant = new int[judges.length];
            for (int j = 0; j < judges.length; j++) {
                Integer c = contestantIndex.get(judges[j]);
                judgeAsContestant[j] = c == null ? -1 : c;
            }
        }

        List<String> judgeNames() {
            return List.of(judges);
        }

        Map<String, Double> iterate(int iterations, boolean minMax) {
            if (iterations < 0) throw new IllegalArgumentException("iterations must be >= 0: " + iterations);
            for (int j = 0; j < judges.length; j++) {
                if (judgeAsContestant[j] < 0) {
                    throw new IllegalArgumentException("judge " + judges[j] + " is not also a contestant: its weight"
                            + " follows its own results, so it needs battles of its own");
                }
            }
            double[] w = new double[judges.length];
            Arrays.fill(w, 1.0 / judges.length);
            for (int t = 0; t < iterations; t++) {
                double[] rates = winRates(meanOne(w, w.length, Arrays.stream(w).sum()));
                double[] own = new double[judges.length];
                for (int j = 0; j < own.length; j++) own[j] = rates[judgeAsContestant[j]];
                w = minMax ? minMaxThenSum(own) : toSumOne(own);
            }
            Map<String, Double> weights = new LinkedHashMap<>();
            for (int j = 0; j < judges.length; j++) weights.put(judges[j], w[j]);
            return Collections.unmodifiableMap(weights);
        }

        /** w'_j = k·w_j / Σ w, weights of mean 1 over k judges. */
        double[] meanOne(double[] w, int k, double sum) {
            if (!(sum > 0) || Double.isInfinite(sum)) throw new IllegalArgumentException("the judges' weights must have a positive sum");
            double[] scaled = new double[w.length];
            for (int j = 0; j < w.length; j++) scaled[j] = k * w[j] / sum;
            return scaled;
        }

        /** r_c = Σ_{battles of c} w'_judge · o_c / n_c. */
        double[] winRates(double[] judgeWeight) {
            double[] won = new double[contestants.length];
            for (int i = 0; i < judge.length; i++) {
                double w = judgeWeight[judge[i]];
                won[a[i]] += w * outcome[i];
                won[b[i]] += w * (1 - outcome[i]);
            }
            for (int c = 0; c < won.length; c++) won[c] /= battlesOf[c];
            return won;
        }

        Map<String, Double> byContestant(double[] values) {
            Map<String, Double> map = new LinkedHashMap<>();
            for (int c = 0; c < contestants.length; c++) map.put(contestants[c], values[c]);
            return Collections.unmodifiableMap(map);
        }

        /** u = (x − min) / (max − min), then u / Σ u; equal weights when all x are equal. */
        private static double[] minMaxThenSum(double[] x) {
            double min = Arrays.stream(x).min().orElseThrow();
            double max = Arrays.stream(x).max().orElseThrow();
            double[] u = new double[x.length];
            if (!(max > min)) {
                Arrays.fill(u, 1.0 / x.length);
                return u;
            }
            for (int j = 0; j < x.length; j++) u[j] = (x[j] - min) / (max - min);
            return toSumOne(u);
        }

        /** x / Σ x; equal weights when Σ x = 0. */
        private static double[] toSumOne(double[] x) {
            double sum = Arrays.stream(x).sum();
            double[] w = new double[x.length];
            for (int j = 0; j < x.length; j++) w[j] = sum > 0 ? x[j] / sum : 1.0 / x.length;
            return w;
        }

        private static Map<String, Integer> index(String[] names) {
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < names.length; i++) index.put(names[i], i);
            return index;
        }
    }
}
