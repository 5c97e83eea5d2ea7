package dev.tribunal.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The collective benchmark's scores from weighted ratings, checked by hand. */
class PooledRatingsTest {

    private static PooledRatings.Rating r(String q, String model, String judge, double score) {
        return new PooledRatings.Rating(q, model, judge, score);
    }

    @Test
    void anAnswersScoreIsTheWeightedMeanOfItsRatingsAndAModelsTheMeanOverQuestions() {
        List<PooledRatings.Rating> ratings = List.of(
                r("q1", "a", "x", 5), r("q1", "a", "y", 3),   // (0.75·5 + 0.25·3) / 1 = 4.5
                r("q1", "b", "x", 2), r("q1", "b", "y", 4),   // 2.5
                r("q2", "a", "y", 1),                          // 1 (only y rated it)
                r("q2", "b", "x", 4));                         // 4
        PooledRatings pooled = new PooledRatings(ratings, Map.of("x", 0.75, "y", 0.25));
        assertThat(pooled.answerScores().get("q1").get("a")).isCloseTo(4.5, within(1e-12));
        assertThat(pooled.answerScores().get("q1").get("b")).isCloseTo(2.5, within(1e-12));
        List<PooledRatings.ModelScore> scores = pooled.modelScores(0, 1);
        assertThat(scores).extracting(PooledRatings.ModelScore::model).containsExactly("b", "a");
        assertThat(scores.get(0).score()).isCloseTo(3.25, within(1e-12));    // (2.5 + 4) / 2
        assertThat(scores.get(1).score()).isCloseTo(2.75, within(1e-12));    // (4.5 + 1) / 2
        assertThat(scores.get(0).lower()).isNaN();
        // |5 − 4.5| + |2 − 2.5| + |4 − 4| over 3 answers x rated; |3 − 4.5| + |4 − 2.5| + |1 − 1| over y's 3
        assertThat(pooled.consensusDistance()).containsEntry("x", 1.0 / 3).containsEntry("y", 1.0);
    }

    @Test
    void aJudgeWithoutWeightDoesNotCountAndAnAnswerOnlyItRatedHasNoScore() {
        PooledRatings pooled = new PooledRatings(List.of(r("q", "a", "x", 5), r("q", "a", "z", 1), r("q", "b", "z", 3)),
                Map.of("x", 1.0));
        assertThat(pooled.answerScores().get("q")).containsOnlyKeys("a").containsEntry("a", 5.0);
    }

    @Test
    void theIntervalResamplesQuestionsAndContainsTheScore() {
        List<PooledRatings.Rating> ratings = new ArrayList<>();
        Random random = new Random(7);
        for (int q = 0; q < 40; q++) {
            ratings.add(r("q" + q, "good", "j", 3 + random.nextInt(3)));
            ratings.add(r("q" + q, "bad", "j", 1 + random.nextInt(3)));
        }
        List<PooledRatings.ModelScore> scores = new PooledRatings(ratings, Map.of("j", 1.0)).modelScores(200, 42);
        for (PooledRatings.ModelScore s : scores) {
            assertThat(s.lower()).isLessThan(s.score());
            assertThat(s.upper()).isGreaterThan(s.score());
            assertThat(s.questions()).isEqualTo(40);
        }
        assertThat(scores.get(1).upper()).isLessThan(scores.get(0).lower());
        // the same ratings in another order give the same bits
        List<PooledRatings.Rating> shuffled = new ArrayList<>(ratings);
        Collections.shuffle(shuffled, new Random(1));
        assertThat(new PooledRatings(shuffled, Map.of("j", 1.0)).modelScores(200, 42)).isEqualTo(scores);
    }

    @Test
    void eachJudgesBattlesAreItsPairsOfRatedAnswersOnAQuestion() {
        List<JudgedBattle> battles = new PooledRatings(List.of(r("q", "a", "x", 4), r("q", "b", "x", 4),
                r("q", "c", "x", 2), r("q", "a", "y", 1)), Map.of("x", 1.0, "y", 1.0)).judgedBattles();
        assertThat(battles).containsExactlyInAnyOrder(new JudgedBattle("x", "a", "b", 0.5),
                new JudgedBattle("x", "a", "c", 1), new JudgedBattle("x", "b", "c", 1));
    }

    @Test
    void weightedMedianAndMean() {
        double[] x = {1, 2, 3, 4};
        assertThat(PooledRatings.weightedMedian(x, new double[] {1, 1, 1, 1})).isEqualTo(2);
        assertThat(PooledRatings.weightedMedian(x, new double[] {0.1, 0.1, 0.1, 0.7})).isEqualTo(4);
        assertThat(PooledRatings.weightedMedian(new double[] {5, 1, 3}, new double[] {1, 1, 1})).isEqualTo(3);
        assertThat(PooledRatings.weightedMedian(x, new double[] {0, 0, 0, 0})).isNaN();
        assertThat(PooledRatings.weightedMean(x, new double[] {1, 0, 0, 3})).isEqualTo(3.25);
        assertThat(PooledRatings.weightedMean(new double[0], new double[0])).isNaN();
        assertThat(PooledRatings.outcome(3.0000000001, 3)).isEqualTo(0.5);
        assertThat(PooledRatings.outcome(3.1, 3)).isEqualTo(1);
    }
}
