package dev.tribunal.rating;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Battles that share a unit are not independent. Here every question is played out ten times with one outcome
 * (as when one human label stands behind ten judge pairs): the battles carry a tenth of the information their
 * number suggests, which a bootstrap of battles cannot see and a bootstrap of questions can.
 */
class ClusterBootstrapTest {
    private static final RatingOptions OPTIONS = RatingOptions.defaults().withRounds(200).withThreads(2).withSeed(3);

    @Test
    void resamplingQuestionsWidensIntervalsForBattlesThatShareThem() {
        BattleSet byBattle = battles(false);
        BattleSet byQuestion = battles(true);

        Leaderboard independent = RatingEngine.rate(byBattle, OPTIONS);
        Leaderboard clustered = RatingEngine.rate(byQuestion, OPTIONS);

        for (LeaderboardRow row : independent.rows()) {
            LeaderboardRow other = clustered.row(row.name());
            assertThat(other.rating()).as("the point estimate does not depend on the bootstrap").isEqualTo(row.rating());
            double widthIndependent = row.ratingUpper() - row.ratingLower();
            double widthClustered = other.ratingUpper() - other.ratingLower();
            // ten copies of each outcome: √10 ≈ 3.2 times wider in theory
            assertThat(widthClustered / widthIndependent).as(row.name()).isBetween(2.2, 4.5);
        }
        assertThat(clustered.notes()).anySatisfy(note -> assertThat(note).contains("cluster bootstrap")
                .contains("resampled the 300 questions"));
        assertThat(byQuestion.unitCount()).isEqualTo(300);
    }

    @Test
    void battlesWithoutAUnitAreEachTheirOwn() {
        BattleSet set = BattleSet.builder().keepUnits(ClusterBy.VOTER)
                .add(Battle.of("A", "B", 1).inUnit("v1")).add(Battle.of("A", "B", 0).inUnit("v1"))
                .add(Battle.of("A", "B", 1)).add(Battle.of("B", "A", 1)).build();

        assertThat(set.unitCount()).isEqualTo(3);
        assertThat(set.battlesWithoutUnit()).isEqualTo(2);
        assertThat(RatingEngine.rate(set, OPTIONS).notes()).anySatisfy(note -> assertThat(note)
                .contains("resampled the 3 voters").contains("2 battles had no voter"));
    }

    /** 300 questions, each a random pair of 6 contestants played ten times with the same outcome. */
    private static BattleSet battles(boolean keepUnits) {
        SplittableRandom random = new SplittableRandom(11);
        double[] rating = {0, 50, 100, 150, 200, 250};
        BattleSet.Builder builder = BattleSet.builder();
        if (keepUnits) builder.keepUnits(ClusterBy.QUESTION);
        for (int q = 0; q < 300; q++) {
            int a = random.nextInt(6);
            int b = (a + 1 + random.nextInt(5)) % 6;
            double p = 1 / (1 + Math.pow(10, (rating[b] - rating[a]) / 400));
            double outcome = random.nextDouble() < p ? 1 : 0;
            for (int copy = 0; copy < 10; copy++) {
                builder.add(new Battle("m" + a, "m" + b, outcome, 1, null, q, null, null, "q" + q));
            }
        }
        return builder.build();
    }
}
