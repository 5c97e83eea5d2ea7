package dev.tribunal.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * REFERENCE.md §6: evalica's bradley_terry (the maximum-likelihood strengths, normalised to sum 1) and elo (online,
 * file order, K 4, initial 1000) on the llmfao crowd comparisons and evalica's small simple and food cases.
 */
class EvalicaGoldenTest {

    @ParameterizedTest
    @CsvSource({"crowd-comparisons.csv, evalica_llmfao-golden.csv", "evalica_simple.csv, evalica_simple-golden.csv",
            "evalica_food.csv, evalica_food-golden.csv"})
    void bradleyTerryStrengthsMatchEvalica(String comparisons, String golden) {
        Map<String, Double> expected = ReferenceData.evalicaGolden(golden, "bradley_terry");
        Leaderboard board = RatingEngine.rate(ReferenceData.evalicaComparisons(comparisons),
                RatingOptions.defaults().withRounds(0));

        assertThat(board.notes()).isEmpty();   // the maximum exists in all three
        double total = board.rows().stream().mapToDouble(row -> strength(row.rating())).sum();
        assertThat(board.rows()).hasSize(expected.size());
        expected.forEach((item, value) ->
                assertThat(strength(board.row(item).rating()) / total).as(item).isCloseTo(value, within(1e-9 * value)));
    }

    @ParameterizedTest
    @CsvSource({"crowd-comparisons.csv, evalica_llmfao-golden.csv", "evalica_simple.csv, evalica_simple-golden.csv",
            "evalica_food.csv, evalica_food-golden.csv"})
    void onlineEloMatchesEvalica(String comparisons, String golden) {
        Map<String, Double> expected = ReferenceData.evalicaGolden(golden, "elo");
        List<Battle> battles = ReferenceData.evalicaComparisons(comparisons);
        Leaderboard board = RatingEngine.rate(battles, RatingOptions.defaults().withMethod(RatingMethod.ELO)
                .withEloK(4).withRounds(0));

        assertThat(board.rows()).hasSize(expected.size());
        expected.forEach((item, value) -> assertThat(board.row(item).rating()).as(item).isCloseTo(value, within(1e-6)));
    }

    private static double strength(double rating) {
        return Math.pow(10, (rating - 1000) / 400);
    }
}
