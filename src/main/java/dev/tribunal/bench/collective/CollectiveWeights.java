package dev.tribunal.bench.collective;

import dev.tribunal.rating.JudgeWeights;
import dev.tribunal.rating.JudgedBattle;
import dev.tribunal.rating.PooledRatings;
import dev.tribunal.rating.WeightRule;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The judges' weights after an iteration, from the ratings of every kept answer so far (the rules' math is in
 * {@link JudgeWeights}): <b>equal</b>, w = 1/k; <b>autobench</b>, w_j = S_j / Σ S with S_j the judge's own score as a
 * contestant under the current weights; <b>peer-rank</b>, PRD's Peer Rank over each judge's pairwise comparisons of
 * the answers it rated, from equal weights, 5 iterations. A pool model the rule gives no weight weighs 0.
 */
final class CollectiveWeights {

    private CollectiveWeights() {
    }

    /** The weights of every pool model, in pool order. */
    static Map<String, Double> next(WeightRule rule, PooledRatings pooled, Map<String, Double> current, List<String> pool) {
        Map<String, Double> next = switch (rule) {
            case EQUAL -> JudgeWeights.equal(pool);
            case AUTOBENCH -> autobench(pooled, current);
            case PEER_RANK -> peerRank(pooled, current);
        };
        Map<String, Double> full = new LinkedHashMap<>();
        pool.forEach(n -> full.put(n, next.getOrDefault(n, 0.0)));
        return full;
    }

    /** AutoBench: w_j ∝ the judge's own score S_j; the current weights while no answer is scored. */
    private static Map<String, Double> autobench(PooledRatings pooled, Map<String, Double> current) {
        Map<String, Double> own = new LinkedHashMap<>();
        for (PooledRatings.ModelScore s : pooled.modelScores(0, 0)) {
            if (Double.isFinite(s.score())) own.put(s.model(), s.score());
        }
        return own.isEmpty() ? current : JudgeWeights.autobench(own);
    }

    /**
     * PRD's Peer Rank over the judges' own pairwise comparisons; a judge that never met another model as a
     * contestant cannot be weighted by its own results and weighs 0.
     */
    private static Map<String, Double> peerRank(PooledRatings pooled, Map<String, Double> current) {
        List<JudgedBattle> battles = pooled.judgedBattles();
        Set<String> contestants = new HashSet<>();
        battles.forEach(b -> {
            contestants.add(b.a());
            contestants.add(b.b());
        });
        List<JudgedBattle> usable = battles.stream().filter(b -> contestants.contains(b.judge())).toList();
        return usable.isEmpty() ? current : JudgeWeights.peerRank(usable, JudgeWeights.DEFAULT_ITERATIONS);
    }
}
