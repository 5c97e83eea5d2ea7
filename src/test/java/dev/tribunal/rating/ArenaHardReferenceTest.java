package dev.tribunal.rating;

import static dev.tribunal.rating.ReferenceData.GPT_4O;
import static dev.tribunal.rating.ReferenceData.GPT_4O_MINI;
import static dev.tribunal.rating.ReferenceData.HAIKU;
import static dev.tribunal.rating.ReferenceData.OPUS;
import static dev.tribunal.rating.ReferenceData.SONNET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** REFERENCE.md §2 and §3: Arena-Hard's and FastChat's numbers on arena_hard_battles_74e8b6f.jsonl. */
class ArenaHardReferenceTest {
    private static final List<String> MODELS = List.of(SONNET, GPT_4O, GPT_4O_MINI, OPUS);
    /** REFERENCE: "with 100 rounds expect agreement within about 1 point" of win-rate. */
    private static final double WIN_RATE_POINT = 1.0;

    private static BattleSet battles;

    @BeforeAll
    static void load() {
        battles = BattleSet.of(ReferenceData.arenaHardBattles());
    }

    @Test
    void theFileIsAggregatedIntoCells() {
        assertThat(battles.battleCount()).isEqualTo(2136);
        assertThat(battles.totalWeight()).isEqualTo(2136);
        assertThat(battles.contestants()).containsExactlyInAnyOrder(HAIKU, SONNET, GPT_4O, GPT_4O_MINI, OPUS);
        assertThat(battles.cellCount()).isEqualTo(4 * 3);   // 4 pairs with the baseline × {win, tie, loss}
    }

    @Test
    void bradleyTerryWithTheBaselineAt1000IsTheExactMaximum() {
        Leaderboard board = RatingEngine.rate(battles, RatingOptions.defaults().withRounds(0).withBaseline(HAIKU));

        Map<String, Double> exact = Map.of(SONNET, 1357.848881, GPT_4O, 1327.528887, GPT_4O_MINI, 1241.446270,
                OPUS, 1199.981632);
        exact.forEach((model, rating) -> assertThat(board.row(model).rating()).as(model).isCloseTo(rating, within(1e-6)));
        assertThat(board.row(HAIKU).rating()).isEqualTo(1000);
        assertThat(board.rows()).extracting(LeaderboardRow::name).containsExactly(SONNET, GPT_4O, GPT_4O_MINI, OPUS, HAIKU);
        assertThat(board.notes()).isEmpty();
    }

    @Test
    void scoresAreTheWinRatesAgainstTheBaseline() {
        Leaderboard board = RatingEngine.rate(battles, RatingOptions.defaults().withRounds(0).withBaseline(HAIKU));

        // (W + T/2)/N from REFERENCE's table; every battle involves the baseline, so score = observed win rate.
        Map<String, Double> winRate = Map.of(SONNET, 88.694853, GPT_4O, 86.823105, GPT_4O_MINI, 80.057252,
                OPUS, 75.972763);
        winRate.forEach((model, rate) -> {
            assertThat(board.row(model).score()).as(model).isCloseTo(rate, within(1e-6));
            assertThat(board.row(model).observedWinRate()).as(model).isCloseTo(rate, within(1e-6));
            assertThat(board.row(model).battles()).as(model).isEqualTo(switch (model) {
                case SONNET -> 544;
                case GPT_4O -> 554;
                case GPT_4O_MINI -> 524;
                default -> 514;
            });
        });
        assertThat(board.row(HAIKU).score()).isEqualTo(50);
        assertThat(board.row(HAIKU).observedWinRate()).isNaN();
        assertThat(board.predicted().get(SONNET, HAIKU)).isCloseTo(0.88694853, within(1e-8));
    }

    @Test
    void scoreIntervalsAgreeWithArenaHardsBootstrap() {
        Leaderboard board = RatingEngine.rate(battles, RatingOptions.defaults().withRounds(100).withBaseline(HAIKU));

        assertInterval(board.row(SONNET), 85.93, 91.13);
        assertInterval(board.row(GPT_4O), 83.87, 89.46);
        assertInterval(board.row(GPT_4O_MINI), 76.97, 83.27);
        assertInterval(board.row(OPUS), 72.60, 79.69);
        for (String model : MODELS) {
            LeaderboardRow row = board.row(model);
            assertThat(row.ratingLower()).as(model).isLessThan(row.rating()).isLessThan(row.ratingUpper());
        }
        assertThat(board.row(HAIKU).ratingLower()).isEqualTo(1000);
        assertThat(board.row(HAIKU).ratingUpper()).isEqualTo(1000);
        // intervals of sonnet and gpt-4o overlap, as do gpt-4o-mini's and opus's; the baseline is below all
        assertThat(board.rows()).extracting(LeaderboardRow::rankUb).containsExactly(1, 1, 3, 3, 5);
    }

    @Test
    void unanchoredBradleyTerryHasMean1000() {
        Leaderboard board = RatingEngine.rate(battles, RatingOptions.defaults().withRounds(0));

        assertRatings(board, new double[] {1132.487747, 1102.167753, 1016.085136, 974.620498, 774.638866}, 1e-3);
        assertThat(board.rows().stream().mapToDouble(LeaderboardRow::rating).average().orElseThrow())
                .isCloseTo(1000, within(1e-9));
        assertThat(board.rows().getFirst().score()).isNaN();
    }

    @Test
    void onlineEloInFileOrderMatchesFastChat() {
        Leaderboard board = RatingEngine.rate(battles,
                RatingOptions.defaults().withMethod(RatingMethod.ELO).withEloK(4).withRounds(0));

        assertRatings(board, new double[] {1195.701903, 1084.830814, 1011.418336, 1025.832262, 682.216685}, 1e-3);
    }

    @Test
    void bootstrapBoundsAgreeWithFastChatsMultinomialBootstrap() {
        Leaderboard board = RatingEngine.rate(battles, RatingOptions.defaults().withRounds(100));

        double[] lower = {1103.3662, 1070.9041, 978.064, 942.9614, 756.1882};
        double[] upper = {1175.6725, 1143.2658, 1044.3615, 1003.8342, 788.6591};
        String[] names = {SONNET, GPT_4O, GPT_4O_MINI, OPUS, HAIKU};
        for (int m = 0; m < names.length; m++) {
            // Same procedure, another random stream: the bounds differ by Monte-Carlo error alone. The 2.5 % quantile
            // of B = 100 draws has standard error √(q(1−q)/B)/φ(1.96)·σ ≈ 0.267·σ, σ ≈ (upper − lower)/3.92 the
            // bootstrap sd; ours and FastChat's are independent, so we allow 3·√2 of that: ≈ 0.29 × the width
            // (21 Elo for sonnet, 9 for haiku), the same order as REFERENCE's "about 1 point of win-rate"
            // (7 Elo at 50 %, 17 Elo at sonnet's 89 %).
            double tolerance = 3 * Math.sqrt(2) * Math.sqrt(0.025 * 0.975 / 100) / 0.05845 * (upper[m] - lower[m]) / 3.92;
            LeaderboardRow row = board.row(names[m]);
            assertThat(row.ratingLower()).as(names[m] + " lower").isCloseTo(lower[m], within(tolerance));
            assertThat(row.ratingUpper()).as(names[m] + " upper").isCloseTo(upper[m], within(tolerance));
        }
    }

    @Test
    void styleControlReachesTheConvergedOptimum() {
        Leaderboard board = styleControlled(0);

        Map<String, Double> exact = Map.of(SONNET, 1473.052641, GPT_4O, 1442.764140, GPT_4O_MINI, 1356.706025,
                OPUS, 1314.772123);
        exact.forEach((model, rating) -> assertThat(board.row(model).rating()).as(model).isCloseTo(rating, within(1e-3)));
        assertThat(board.row(HAIKU).rating()).isEqualTo(1114);
        assertThat(board.style().toArray()).containsExactly(new double[] {0.135676, -0.014501, -0.038240, 0.018747},
                within(1e-5));
        assertThat(board.row(SONNET).score()).isCloseTo(88.76, within(0.005));
        assertThat(board.row(GPT_4O).score()).isCloseTo(86.90, within(0.005));
        assertThat(board.row(GPT_4O_MINI).score()).isCloseTo(80.17, within(0.005));
        assertThat(board.row(OPUS).score()).isCloseTo(76.06, within(0.005));
        assertThat(board.notes()).isEmpty();
    }

    @Test
    void styleControlledIntervalsAgreeWithArenaHard() {
        Leaderboard board = styleControlled(100);

        assertInterval(board.row(SONNET), 86.14, 91.43);
        assertInterval(board.row(GPT_4O), 84.06, 89.74);
        assertInterval(board.row(GPT_4O_MINI), 76.98, 83.51);
        assertInterval(board.row(OPUS), 72.90, 80.06);
    }

    private static Leaderboard styleControlled(int rounds) {
        return RatingEngine.rate(ReferenceData.arenaHardBattlesWithStyle(), RatingOptions.defaults()
                .withStyleControl(true).withAnchor(HAIKU, 1114).withBaseline(HAIKU).withRounds(rounds));
    }

    private static void assertInterval(LeaderboardRow row, double lower, double upper) {
        assertThat(row.scoreLower()).as(row.name() + " lower").isCloseTo(lower, within(WIN_RATE_POINT));
        assertThat(row.scoreUpper()).as(row.name() + " upper").isCloseTo(upper, within(WIN_RATE_POINT));
        assertThat(row.scoreLower()).isLessThan(row.score());
        assertThat(row.score()).isLessThan(row.scoreUpper());
    }

    /** Ratings of sonnet, gpt-4o, gpt-4o-mini, opus, haiku (REFERENCE's column order). */
    private static void assertRatings(Leaderboard board, double[] expected, double tolerance) {
        String[] names = {SONNET, GPT_4O, GPT_4O_MINI, OPUS, HAIKU};
        for (int m = 0; m < names.length; m++) {
            assertThat(board.row(names[m]).rating()).as(names[m]).isCloseTo(expected[m], within(tolerance));
        }
    }
}
