package dev.tribunal.rating;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, "honest in the corners": a board never shows more certainty than its data. Each test reproduces one
 * corner where it did.
 */
class HonestCornersTest {
    private static final RatingOptions WITH_BOOTSTRAP = RatingOptions.defaults().withRounds(50).withThreads(2);

    /** One battle: every resample is that battle, so the bootstrap had zero-width intervals and ranks 1 and 2. */
    @Test
    void aSingleBattleGivesNoZeroWidthIntervalAndNoDistinctRanks() {
        Leaderboard board = RatingEngine.rate(List.of(Battle.of("A", "B", 1)), WITH_BOOTSTRAP);

        assertThat(board.rows()).hasSize(2).allSatisfy(row -> {
            assertNoFalseCertainty(row);
            assertThat(row.rankUb()).isEqualTo(1);
        });
        assertThat(board.notes()).anySatisfy(note -> assertThat(note).contains("too little information")
                .contains("[A, B]"));
    }

    /** All ties: every resample is all ties, so every interval had zero width. */
    @Test
    void allTiesGiveNoZeroWidthInterval() {
        List<Battle> battles = new ArrayList<>();
        repeat(battles, "A", "B", 0.5, 3);
        repeat(battles, "B", "C", 0.5, 2);
        repeat(battles, "C", "A", 0.5, 1);

        Leaderboard board = RatingEngine.rate(battles, WITH_BOOTSTRAP);

        assertThat(board.rows()).hasSize(3).allSatisfy(row -> {
            assertNoFalseCertainty(row);
            assertThat(row.rankUb()).isEqualTo(1);
        });
        assertThat(board.notes()).anySatisfy(note -> assertThat(note).contains("too little information"));
    }

    /** Without bootstrap rounds there is no interval at all, not one of zero width. */
    @Test
    void noRoundsGiveNoIntervalRatherThanAZeroWidthOne() {
        List<Battle> battles = new ArrayList<>();
        repeat(battles, "A", "B", 1, 3);
        repeat(battles, "A", "B", 0, 2);

        Leaderboard board = RatingEngine.rate(battles, WITH_BOOTSTRAP.withRounds(0));

        assertThat(board.rows()).allSatisfy(HonestCornersTest::assertNoFalseCertainty);
    }

    /** A contestant that never met the baseline, directly or through others, had a score of 50 with an interval. */
    @Test
    void contestantsNeverConnectedToTheBaselineGetNoScore() {
        List<Battle> battles = new ArrayList<>();
        repeat(battles, "A", "B", 1, 20);
        repeat(battles, "A", "B", 0, 10);
        repeat(battles, "C", "D", 1, 12);
        repeat(battles, "C", "D", 0, 9);

        Leaderboard board = RatingEngine.rate(battles, WITH_BOOTSTRAP.withBaseline("A"));

        assertThat(board.row("B").score()).isFinite();
        for (String name : List.of("C", "D")) {
            LeaderboardRow row = board.row(name);
            assertThat(row.score()).as(name).isNaN();
            assertThat(row.scoreLower()).as(name).isNaN();
            assertThat(row.scoreUpper()).as(name).isNaN();
        }
        assertThat(board.notes()).anySatisfy(note -> assertThat(note).contains("no score against A")
                .contains("[C, D]").contains("never met A"));
    }

    /** Online Elo said nothing about groups that never met; Bradley–Terry did. */
    @Test
    void onlineEloSaysWhenGroupsNeverMet() {
        List<Battle> battles = new ArrayList<>();
        repeat(battles, "A", "B", 1, 3);
        repeat(battles, "A", "B", 0, 2);
        repeat(battles, "C", "D", 1, 2);
        repeat(battles, "C", "D", 0, 2);

        Leaderboard board = RatingEngine.rate(battles, WITH_BOOTSTRAP.withMethod(RatingMethod.ELO));

        assertThat(board.notes()).anySatisfy(note -> assertThat(note).contains("2 groups that never met")
                .contains("[C, D]"));
    }

    /** A Newton fit that hits its iteration limit used to return as if it had converged. */
    @Test
    void bradleyTerryReportsAFitThatDidNotConverge() {
        List<Battle> battles = new ArrayList<>();
        repeat(battles, "A", "B", 1, 30);
        repeat(battles, "A", "B", 0, 1);
        repeat(battles, "B", "C", 1, 25);
        repeat(battles, "C", "B", 1, 2);
        BattleSet set = BattleSet.of(battles);
        List<String> names = set.contestants();

        Estimator.Estimate converged = new BradleyTerryEstimator(names, set.cells(), new Anchoring(-1, 1000)).estimate();
        Estimator.Estimate stopped = new BradleyTerryEstimator(names, set.cells(), new Anchoring(-1, 1000), 1).estimate();

        assertThat(converged.point().converged()).isTrue();
        assertThat(converged.notes()).isEmpty();
        assertThat(stopped.point().converged()).isFalse();
        assertThat(stopped.notes()).singleElement().asString().contains("did not converge").contains("1 iteration");
    }

    @Test
    void styleControlReportsAFitThatDidNotConverge() {
        BattleSet set = BattleSet.of(ReferenceData.arenaHardBattlesWithStyle());
        List<String> names = set.contestants();

        Estimator.Estimate converged = new StyleControlEstimator(names, set.styleCells(), new Anchoring(-1, 1000)).estimate();
        Estimator.Estimate stopped = new StyleControlEstimator(names, set.styleCells(), new Anchoring(-1, 1000), 1).estimate();

        assertThat(converged.point().converged()).isTrue();
        assertThat(stopped.point().converged()).isFalse();
        assertThat(stopped.notes()).anySatisfy(note -> assertThat(note).contains("did not converge"));
    }

    /** The line search took a step after 34 halvings even when none decreased f. */
    @Test
    void aLineSearchThatFindsNoDecreaseLeavesXAndSaysSo() {
        double[] x = {1, 2};
        double[] uphill = {1, 1};   // f(x) = x₀² + x₁² increases along +x

        LineSearch.Step step = LineSearch.descend(x, uphill, 1, Double.NaN, -1, v -> v[0] * v[0] + v[1] * v[1]);

        assertThat(step.decreased()).isFalse();
        assertThat(x).containsExactly(1, 2);
    }

    /** An estimated interval is either absent (NaN) or of positive width; a row without one says why. */
    static void assertNoFalseCertainty(LeaderboardRow row) {
        if (Double.isNaN(row.ratingLower()) || Double.isNaN(row.ratingUpper())) {
            assertThat(row.ratingLower()).as(row.name()).isNaN();
            assertThat(row.ratingUpper()).as(row.name()).isNaN();
        } else {
            assertThat(row.ratingUpper()).as(row.name()).isGreaterThan(row.ratingLower());
        }
    }

    private static void repeat(List<Battle> battles, String a, String b, double outcome, int times) {
        for (int k = 0; k < times; k++) battles.add(new Battle(a, b, outcome, 1, null, battles.size(), null, null));
    }
}
