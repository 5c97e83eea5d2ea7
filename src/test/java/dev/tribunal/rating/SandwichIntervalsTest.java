package dev.tribunal.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The analytic sandwich intervals beside the bootstrap's (issue 11). */
class SandwichIntervalsTest {
    private static final RatingOptions SANDWICH = RatingOptions.defaults().withIntervals(IntervalMethod.SANDWICH).withThreads(2);

    /** REFERENCE.md §2: Arena-Hard's bootstrap intervals of the scores against the baseline. */
    @Test
    void scoreIntervalsAgreeWithArenaHardsBootstrap() {
        Leaderboard board = RatingEngine.rate(BattleSet.of(ReferenceData.arenaHardBattles()),
                SANDWICH.withBaseline(ReferenceData.HAIKU));

        assertInterval(board.row(ReferenceData.SONNET), 85.93, 91.13);
        assertInterval(board.row(ReferenceData.GPT_4O), 83.87, 89.46);
        assertInterval(board.row(ReferenceData.GPT_4O_MINI), 76.97, 83.27);
        assertInterval(board.row(ReferenceData.OPUS), 72.60, 79.69);
        LeaderboardRow haiku = board.row(ReferenceData.HAIKU);
        assertThat(haiku.ratingLower()).isEqualTo(1000);   // the pinned baseline
        assertThat(haiku.scoreUpper()).isEqualTo(50);
        assertThat(board.notes()).isEmpty();
    }

    private static void assertInterval(LeaderboardRow row, double lower, double upper) {
        assertThat(row.scoreLower()).as(row.name()).isCloseTo(lower, within(1.0));
        assertThat(row.scoreUpper()).as(row.name()).isCloseTo(upper, within(1.0));
        // symmetric on the rating scale
        assertThat(row.rating() - row.ratingLower()).isCloseTo(row.ratingUpper() - row.rating(), within(1e-9));
    }

    /** Independent battles from the model: the sandwich and the bootstrap measure the same spread. */
    @Test
    void withIndependentBattlesTheSandwichMatchesTheBootstrap() {
        BattleSet battles = simulated(10, 20_000, 1, false, false);

        Leaderboard sandwich = RatingEngine.rate(battles, SANDWICH);
        Leaderboard bootstrap = RatingEngine.rate(battles, RatingOptions.defaults().withRounds(1000).withThreads(2));

        for (LeaderboardRow row : sandwich.rows()) {
            LeaderboardRow other = bootstrap.row(row.name());
            double ratio = (row.ratingUpper() - row.ratingLower()) / (other.ratingUpper() - other.ratingLower());
            assertThat(ratio).as(row.name()).isBetween(0.85, 1.15);
        }
    }

    /** Ten copies of each outcome per question: the cluster-robust sandwich widens by about √10. */
    @Test
    void clusteredBattlesWidenTheClusterRobustSandwich() {
        // the same 3,000 battles, taken as independent, then as 300 questions
        Leaderboard independent = RatingEngine.rate(simulated(6, 300, 2, true, false), SANDWICH);
        Leaderboard clustered = RatingEngine.rate(simulated(6, 300, 2, true, true), SANDWICH);

        for (LeaderboardRow row : independent.rows()) {
            double ratio = (clustered.row(row.name()).ratingUpper() - clustered.row(row.name()).ratingLower())
                    / (row.ratingUpper() - row.ratingLower());
            assertThat(ratio).as(row.name()).isBetween(2.2, 4.5);
        }
        assertThat(clustered.notes()).anySatisfy(note -> assertThat(note).contains("cluster-robust sandwich"));
    }

    /** Conjugate gradients (beyond 3,000 contestants) give the dense Cholesky's intervals. */
    @Test
    void sparseAndDenseSolversGiveTheSameIntervals() {
        BattleSet battles = simulated(40, 3000, 3, true, true);
        Leaderboard board = RatingEngine.rate(battles, SANDWICH.withRounds(0));
        double[] rating = new double[battles.contestants().size()];
        for (int i = 0; i < rating.length; i++) rating[i] = board.row(battles.contestants().get(i)).rating();
        int[] component = new int[rating.length];
        int baseline = 3;

        SandwichIntervals.Result dense = SandwichIntervals.of(battles.cells(), battles.units(), rating, component, -1,
                baseline, 1, BradleyTerry.Algebra.DENSE);
        SandwichIntervals.Result sparse = SandwichIntervals.of(battles.cells(), battles.units(), rating, component, -1,
                baseline, 2, BradleyTerry.Algebra.SPARSE);

        assertThat(sparse.lower()).containsExactly(dense.lower(), within(1e-4));
        assertThat(sparse.upper()).containsExactly(dense.upper(), within(1e-4));
        assertThat(sparse.scoreLower()).containsExactly(dense.scoreLower(), within(1e-4));
        assertThat(dense.upper()[0] - dense.lower()[0]).isGreaterThan(10);
    }

    @Test
    void onlyForBradleyTerryWithoutStyleControl() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SANDWICH.withMethod(RatingMethod.ELO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sandwich");
    }

    /**
     * Questions of a random pair of contestants (ratings 0, 60, 120, …): with {@code copies}, each question's one
     * outcome is played out ten times; with {@code keepUnits} the battles' questions are kept as their units.
     */
    static BattleSet simulated(int contestants, int questions, long seed, boolean copies, boolean keepUnits) {
        SplittableRandom random = new SplittableRandom(seed);
        BattleSet.Builder builder = BattleSet.builder();
        if (keepUnits) builder.keepUnits(ClusterBy.QUESTION);
        for (int q = 0; q < questions; q++) {
            int a = random.nextInt(contestants);
            int b = (a + 1 + random.nextInt(contestants - 1)) % contestants;
            double p = 1 / (1 + Math.pow(10, 60.0 * (b - a) / 400));
            double outcome = random.nextDouble() < p ? 1 : 0;
            for (int copy = 0; copy < (copies ? 10 : 1); copy++) {
                builder.add(new Battle("m" + a, "m" + b, outcome, 1, null, q, null, null, "q" + q));
            }
        }
        return builder.build();
    }
}
