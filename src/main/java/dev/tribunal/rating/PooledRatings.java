package dev.tribunal.rating;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * Scores from a pool of judges' 1–5 ratings of answers (the collective benchmark), with the judges weighted.
 * <ul>
 *   <li>An answer's score is the weighted mean of its ratings, S_qm = Σ_j w_j·s_jqm / Σ_j w_j over the judges j
 *       that rated it (undefined when none did, or their weights sum to 0).</li>
 *   <li>A model's score is the mean of its answers' scores over the questions, S_m = (1/|Q_m|) Σ_{q∈Q_m} S_qm,
 *       with a 95 % bootstrap interval that resamples <em>questions</em> (a question's ratings are not independent):
 *       each round draws |Q| questions with replacement and takes each model's mean over the drawn questions it has
 *       a score on; the interval is the 2.5 % and 97.5 % quantiles of the rounds' means.</li>
 *   <li>A judge's distance from the consensus is the mean of |s_jqm − S_qm| over the answers it rated.</li>
 *   <li>A judge's battles: on each question, each pair of answers it rated, the higher-rated wins (equal: a tie),
 *       the input of the weight rules of {@link JudgeWeights}.</li>
 * </ul>
 * Cost: O(ratings) for the scores, O(rounds·|Q|·models) for the interval, O(Σ_{q,j} answers²) for the battles.
 * Pure: the same ratings, weights and seed give the same result.
 */
public final class PooledRatings {

    /** One judge's rating of the answer {@code model} gave to question {@code question}. */
    public record Rating(String question, String model, String judge, double score) {
    }

    /** A model's score, its 95 % interval (NaN without rounds) and the number of questions it has a score on. */
    public record ModelScore(String model, double score, double lower, double upper, int questions) {
    }

    private final List<Rating> ratings;
    /** question → model → S_qm (only defined scores), in name order. */
    private final Map<String, Map<String, Double>> answerScores;

    /**
     * @param weights each judge's weight (≥ 0); a judge without one weighs 0
     */
    public PooledRatings(Collection<Rating> ratings, Map<String, Double> weights) {
        // summed in one order whatever the order given, so that the same ratings give the same bits
        this.ratings = ratings.stream().sorted(Comparator.comparing(Rating::question).thenComparing(Rating::model)
                .thenComparing(Rating::judge).thenComparingDouble(Rating::score)).toList();
        Map<String, Map<String, double[]>> sums = new TreeMap<>();
        for (Rating r : this.ratings) {
            double w = weights.getOrDefault(r.judge(), 0.0);
            double[] s = sums.computeIfAbsent(r.question(), q -> new TreeMap<>()).computeIfAbsent(r.model(), m -> new double[2]);
            s[0] += w * r.score();
            s[1] += w;
        }
        Map<String, Map<String, Double>> scores = new TreeMap<>();
        sums.forEach((q, byModel) -> byModel.forEach((m, s) -> {
            if (s[1] > 0) scores.computeIfAbsent(q, k -> new TreeMap<>()).put(m, s[0] / s[1]);
        }));
        this.answerScores = scores;
    }

    /** S_qm: question → model → the answer's weighted mean rating (defined ones only). */
    public Map<String, Map<String, Double>> answerScores() {
        return answerScores;
    }

    /** Each model's S_m over every question, with the bootstrap interval over questions; by score, best first. */
    public List<ModelScore> modelScores(int rounds, long seed) {
        return modelScores(answerScores.keySet(), rounds, seed);
    }

    /** As {@link #modelScores(int, long)}, over the given questions only (e.g. one topic's). */
    public List<ModelScore> modelScores(Collection<String> questions, int rounds, long seed) {
        List<String> qs = questions.stream().filter(answerScores::containsKey).sorted().toList();
        TreeSet<String> models = new TreeSet<>();
        for (String q : qs) models.addAll(answerScores.get(q).keySet());
        List<String> names = List.copyOf(models);
        double[][] grid = new double[qs.size()][names.size()];
        for (int i = 0; i < qs.size(); i++) {
            Arrays.fill(grid[i], Double.NaN);
            Map<String, Double> row = answerScores.get(qs.get(i));
            for (int m = 0; m < names.size(); m++) grid[i][m] = row.getOrDefault(names.get(m), Double.NaN);
        }
        int[] all = new int[qs.size()];
        Arrays.setAll(all, i -> i);
        double[] point = means(grid, all, names.size());
        double[][] sampled = new double[names.size()][rounds];
        int[] draw = new int[qs.size()];
        for (int b = 0; b < rounds; b++) {
            SplittableRandom random = new SplittableRandom(BootstrapIntervals.seedOfRound(seed, b));
            for (int i = 0; i < draw.length; i++) draw[i] = random.nextInt(draw.length);
            double[] means = means(grid, draw, names.size());
            for (int m = 0; m < names.size(); m++) sampled[m][b] = means[m];
        }
        List<ModelScore> out = new ArrayList<>();
        for (int m = 0; m < names.size(); m++) {
            int count = 0;
            for (double[] row : grid) if (!Double.isNaN(row[m])) count++;
            out.add(new ModelScore(names.get(m), point[m], quantile(sampled[m], 2.5), quantile(sampled[m], 97.5), count));
        }
        out.sort((a, b) -> Double.compare(b.score(), a.score()));
        return out;
    }

    private static double[] means(double[][] grid, int[] rows, int models) {
        double[] sum = new double[models];
        int[] n = new int[models];
        for (int i : rows) {
            for (int m = 0; m < models; m++) {
                if (!Double.isNaN(grid[i][m])) {
                    sum[m] += grid[i][m];
                    n[m]++;
                }
            }
        }
        double[] mean = new double[models];
        for (int m = 0; m < models; m++) mean[m] = n[m] == 0 ? Double.NaN : sum[m] / n[m];
        return mean;
    }

    /** The R-7 quantile of the finite values (NaN when there are none). */
    private static double quantile(double[] values, double percent) {
        double[] finite = Arrays.stream(values).filter(Double::isFinite).toArray();
        if (finite.length == 0) return Double.NaN;
        return new Percentile().withEstimationType(Percentile.EstimationType.R_7).evaluate(finite, percent);
    }

    /** Each judge's mean |s_jqm − S_qm| over the answers it rated that have a score; by judge name. */
    public Map<String, Double> consensusDistance() {
        Map<String, double[]> sums = new TreeMap<>();
        for (Rating r : ratings) {
            Double consensus = answerScores.getOrDefault(r.question(), Map.of()).get(r.model());
            if (consensus == null) continue;
            double[] s = sums.computeIfAbsent(r.judge(), j -> new double[2]);
            s[0] += Math.abs(r.score() - consensus);
            s[1]++;
        }
        Map<String, Double> out = new LinkedHashMap<>();
        sums.forEach((j, s) -> out.put(j, s[0] / s[1]));
        return out;
    }

    /** Each judge's pairwise comparisons: per question, every pair of answers it rated (higher wins, equal ties). */
    public List<JudgedBattle> judgedBattles() {
        Map<String, Map<String, Double>> byQuestionJudge = new TreeMap<>();
        for (Rating r : ratings) {
            byQuestionJudge.computeIfAbsent(r.question() + '\u0000' + r.judge(), k -> new TreeMap<>())
                    .put(r.model(), r.score());
        }
        List<JudgedBattle> battles = new ArrayList<>();
        byQuestionJudge.forEach((key, scores) -> {
            String judge = key.substring(key.indexOf('\u0000') + 1);
            List<Map.Entry<String, Double>> answers = List.copyOf(scores.entrySet());
            for (int i = 0; i < answers.size(); i++) {
                for (int k = i + 1; k < answers.size(); k++) {
                    battles.add(new JudgedBattle(judge, answers.get(i).getKey(), answers.get(k).getKey(),
                            outcome(answers.get(i).getValue(), answers.get(k).getValue())));
                }
            }
        });
        return battles;
    }

    /** Scores closer than this are equal: weighted means equal in exact arithmetic may differ in the last bits. */
    private static final double TIE = 1e-9;

    /** 1 when a scored higher, 0 when lower, ½ when equal (within {@value #TIE}). */
    public static double outcome(double a, double b) {
        return Math.abs(a - b) <= TIE ? 0.5 : a > b ? 1 : 0;
    }

    /**
     * The weighted mean Σ w_i·x_i / Σ w_i; NaN without values or when the weights sum to 0.
     */
    public static double weightedMean(double[] values, double[] weights) {
        double sum = 0;
        double total = 0;
        for (int i = 0; i < values.length; i++) {
            sum += weights[i] * values[i];
            total += weights[i];
        }
        return total > 0 ? sum / total : Double.NaN;
    }

    /**
     * The (lower) weighted median: the smallest value x_(k), in ascending order, whose cumulative weight
     * Σ_{i≤k} w_(i) reaches half the total; NaN without values or when the weights sum to 0. Cost O(n log n).
     */
    public static double weightedMedian(double[] values, double[] weights) {
        Integer[] order = new Integer[values.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        double total = Arrays.stream(weights).sum();
        if (!(total > 0)) return Double.NaN;
        double cumulative = 0;
        for (int i : order) {
            cumulative += weights[i];
            if (cumulative >= total / 2) return values[i];
        }
        return values[order[order.length - 1]];
    }
}
