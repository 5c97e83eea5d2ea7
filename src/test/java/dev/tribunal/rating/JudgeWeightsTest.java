package dev.tribunal.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The three judge weight rules on battles small enough to follow by hand, and their invariants on larger ones. */
class JudgeWeightsTest {
    private static final double EPS = 1e-12;

    /**
     * X, Y and Z judge each other. With equal weights (all 1 at mean 1): X wins 1 + 0 + 1 of 3 battles = 2/3,
     * Y 0 + 1 + ½ of 3 = ½, Z 0 + ½ of 2 = ¼.
     */
    private static final List<JudgedBattle> THREE = List.of(
            new JudgedBattle("X", "X", "Y", 1),
            new JudgedBattle("Y", "X", "Y", 0),
            new JudgedBattle("Z", "X", "Z", 1),
            new JudgedBattle("Z", "Y", "Z", 0.5));

    @Test
    void equalWeightsSumToOneOverDistinctJudges() {
        Map<String, Double> w = JudgeWeights.equal(List.of("b", "a", "c", "a"));
        assertThat(w).containsOnlyKeys("a", "b", "c");
        assertThat(w.keySet()).containsExactly("a", "b", "c");
        w.values().forEach(v -> assertThat(v).isCloseTo(1.0 / 3, within(EPS)));
        assertThatThrownBy(() -> JudgeWeights.equal(List.of())).hasMessageContaining("no judges");
    }

    @Test
    void autobenchWeightIsTheJudgesOwnScoreOverTheSum() {
        Map<String, Double> w = JudgeWeights.autobench(Map.of("a", 4.0, "b", 3.0, "c", 1.0));
        assertThat(w.get("a")).isCloseTo(0.5, within(EPS));
        assertThat(w.get("b")).isCloseTo(0.375, within(EPS));
        assertThat(w.get("c")).isCloseTo(0.125, within(EPS));
        assertThat(JudgeWeights.autobench(Map.of("a", 0.0, "b", 0.0))).containsEntry("a", 0.5).containsEntry("b", 0.5);
        assertThatThrownBy(() -> JudgeWeights.autobench(Map.of("a", -1.0))).hasMessageContaining("judge a");
        assertThatThrownBy(() -> JudgeWeights.autobench(Map.of("a", Double.NaN))).hasMessageContaining("judge a");
    }

    @Test
    void winRatesWithEqualWeightsArePlainWinRates() {
        Map<String, Double> r = JudgeWeights.winRates(THREE, JudgeWeights.equal(List.of("X", "Y", "Z")));
        assertThat(r.get("X")).isCloseTo(2.0 / 3, within(EPS));
        assertThat(r.get("Y")).isCloseTo(0.5, within(EPS));
        assertThat(r.get("Z")).isCloseTo(0.25, within(EPS));
        // weights are rescaled to mean 1, so their scale does not matter
        assertThat(JudgeWeights.winRates(THREE, Map.of("X", 7.0, "Y", 7.0, "Z", 7.0))).isEqualTo(r);
        assertThatThrownBy(() -> JudgeWeights.winRates(THREE, Map.of("X", 1.0))).hasMessageContaining("judge Y has no weight");
    }

    /**
     * Iteration 1: own win rates 2/3, ½, ¼; min-max gives 1, 0.6, 0; divided by 1.6: 0.625, 0.375, 0.
     * Iteration 2: at mean 1 the weights are 1.875, 1.125, 0, so X wins 1.875 / 3 = 0.625, Y 1.125 / 3 = 0.375,
     * Z 0: min-max gives 1, 0.6, 0 again, a fixed point.
     */
    @Test
    void peerRankFollowsPrdsIterationByHand() {
        assertThat(JudgeWeights.peerRank(THREE, 0)).isEqualTo(JudgeWeights.equal(List.of("X", "Y", "Z")));
        for (int iterations : new int[] {1, 2, JudgeWeights.DEFAULT_ITERATIONS}) {
            Map<String, Double> w = JudgeWeights.peerRank(THREE, iterations);
            assertThat(w.get("X")).isCloseTo(0.625, within(EPS));
            assertThat(w.get("Y")).isCloseTo(0.375, within(EPS));
            assertThat(w.get("Z")).isCloseTo(0, within(EPS));
        }
        assertThat(JudgeWeights.peerRank(THREE)).isEqualTo(JudgeWeights.peerRank(THREE, 5));
        Map<String, Double> r = JudgeWeights.winRates(THREE, JudgeWeights.peerRank(THREE));
        assertThat(r.get("X")).isCloseTo(0.625, within(EPS));
        assertThat(r.get("Z")).isCloseTo(0, within(EPS));
    }

    /** Iteration 1: 2/3, ½, ¼ over their sum 17/12: 8/17, 6/17, 3/17. */
    @Test
    void autobenchOnBattlesUsesOwnWinRates() {
        Map<String, Double> w = JudgeWeights.autobench(THREE, 1);
        assertThat(w.get("X")).isCloseTo(8.0 / 17, within(EPS));
        assertThat(w.get("Y")).isCloseTo(6.0 / 17, within(EPS));
        assertThat(w.get("Z")).isCloseTo(3.0 / 17, within(EPS));
        assertThat(JudgeWeights.of(WeightRule.AUTOBENCH, THREE, 1)).isEqualTo(w);
        assertThat(JudgeWeights.of(WeightRule.EQUAL, THREE, 1)).isEqualTo(JudgeWeights.equal(List.of("X", "Y", "Z")));
        assertThat(JudgeWeights.of(WeightRule.PEER_RANK, THREE, 3)).isEqualTo(JudgeWeights.peerRank(THREE, 3));
    }

    @Test
    void allJudgesAlikeKeepEqualWeights() {
        List<JudgedBattle> battles = List.of(new JudgedBattle("A", "A", "B", 0.5), new JudgedBattle("B", "A", "B", 0.5));
        assertThat(JudgeWeights.peerRank(battles)).containsEntry("A", 0.5).containsEntry("B", 0.5);
    }

    /**
     * Five contestants of known strength; judge k reports the true winner with probability 1 − k/10 (k = 0 … 4), so
     * the strongest contestant is also the most reliable judge. Weights sum to 1, the weakest judge's Peer Rank
     * weight is 0, the order of the battles does not matter, and the better judges get the larger weights.
     */
    @Test
    void invariantsOnNoisyJudges() {
        SplittableRandom random = new SplittableRandom(7);
        String[] names = {"m0", "m1", "m2", "m3", "m4"};
        List<JudgedBattle> battles = new ArrayList<>();
        for (int q = 0; q < 200; q++) {
            for (int i = 0; i < names.length; i++) {
                for (int j = i + 1; j < names.length; j++) {
                    for (int k = 0; k < names.length; k++) {
                        boolean truth = random.nextDouble() < 0.5 + 0.1 * (j - i); // i is stronger
                        boolean right = random.nextDouble() < 1 - k / 10.0;
                        battles.add(new JudgedBattle(names[k], names[i], names[j], truth == right ? 1 : 0));
                    }
                }
            }
        }
        for (WeightRule rule : WeightRule.values()) {
            Map<String, Double> w = JudgeWeights.of(rule, battles, 5);
            assertThat(w.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1, within(1e-12));
            assertThat(w.values()).allSatisfy(v -> assertThat(v).isBetween(0.0, 1.0));
            List<JudgedBattle> shuffled = new ArrayList<>(battles);
            Collections.shuffle(shuffled, new java.util.Random(1));
            Map<String, Double> again = JudgeWeights.of(rule, shuffled, 5);
            for (String name : names) assertThat(again.get(name)).isCloseTo(w.get(name), within(1e-12));
            if (rule != WeightRule.EQUAL) {
                for (int k = 1; k < names.length; k++) assertThat(w.get(names[k - 1])).isGreaterThan(w.get(names[k]));
            }
        }
        assertThat(JudgeWeights.peerRank(battles).get("m4")).isZero();
    }

    @Test
    void refusesWhatItCannotWeight() {
        assertThatThrownBy(() -> JudgeWeights.peerRank(List.of())).hasMessageContaining("no battles");
        List<JudgedBattle> outsider = List.of(new JudgedBattle("human", "A", "B", 1));
        assertThatThrownBy(() -> JudgeWeights.peerRank(outsider)).hasMessageContaining("judge human is not also a contestant");
        assertThatThrownBy(() -> JudgeWeights.autobench(outsider, 1)).hasMessageContaining("judge human");
        assertThatThrownBy(() -> JudgeWeights.peerRank(THREE, -1)).hasMessageContaining("iterations");
        assertThatThrownBy(() -> new JudgedBattle("j", "A", "A", 1)).hasMessageContaining("two different");
        assertThatThrownBy(() -> new JudgedBattle("j", "A", "B", 1.5)).hasMessageContaining("[0, 1]");
    }

    @Test
    void ruleNamesParse() {
        assertThat(WeightRule.parse("equal")).isEqualTo(WeightRule.EQUAL);
        assertThat(WeightRule.parse("AutoBench")).isEqualTo(WeightRule.AUTOBENCH);
        assertThat(WeightRule.parse("peer-rank")).isEqualTo(WeightRule.PEER_RANK);
        assertThat(WeightRule.parse("peer_rank")).isEqualTo(WeightRule.PEER_RANK);
        for (WeightRule rule : WeightRule.values()) assertThat(WeightRule.parse(rule.cliName())).isEqualTo(rule);
        assertThatThrownBy(() -> WeightRule.parse("elo"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown judge weight rule 'elo': expected equal, autobench or peer-rank");
    }
}
