package dev.tribunal.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** REFERENCE.md §1: A–B 2–3, A–D 1–4, B–C 5–3, C–D 1–3 (wins first). */
class TextbookBradleyTerryTest {

    private static List<Battle> textbook() {
        List<Battle> battles = new ArrayList<>();
        results(battles, "A", "B", 2, 3);
        results(battles, "A", "D", 1, 4);
        results(battles, "B", "C", 5, 3);
        results(battles, "C", "D", 1, 3);
        return battles;
    }

    private static void results(List<Battle> battles, String a, String b, int winsOfA, int winsOfB) {
        for (int k = 0; k < winsOfA; k++) battles.add(Battle.of(a, b, 1));
        for (int k = 0; k < winsOfB; k++) battles.add(Battle.of(a, b, 0));
    }

    @Test
    void strengthsAndRatingsMatchTheMaximumLikelihoodToTheDigitsGiven() {
        Leaderboard board = RatingEngine.rate(textbook(), RatingOptions.defaults().withRounds(0));

        // mean rating 1000 ⇔ geometric mean strength 1: strength = 10^((R − 1000)/400)
        assertThat(strength(board, "A")).isCloseTo(0.639835, within(5e-7));
        assertThat(strength(board, "B")).isCloseTo(1.043314, within(5e-7));
        assertThat(strength(board, "C")).isCloseTo(0.659810, within(5e-7));
        assertThat(strength(board, "D")).isCloseTo(2.270377, within(5e-7));
        assertThat(board.row("A").rating()).isCloseTo(922.4271, within(5e-5));
        assertThat(board.row("B").rating()).isCloseTo(1007.3661, within(5e-5));
        assertThat(board.row("C").rating()).isCloseTo(927.7676, within(5e-5));
        assertThat(board.row("D").rating()).isCloseTo(1142.4392, within(5e-5));
        assertThat(board.rows()).extracting(LeaderboardRow::name).containsExactly("D", "B", "C", "A");
        assertThat(board.notes()).isEmpty();
        assertThat(board.totalBattles()).isEqualTo(22);
        assertThat(board.row("B").battles()).isEqualTo(13);
    }

    @Test
    void theFitSatisfiesTheLikelihoodEquationsExactly() {
        // At the maximum each contestant's expected wins equal its actual wins: Σ_j n_ij·P(i beats j) = W_i.
        Leaderboard board = RatingEngine.rate(textbook(), RatingOptions.defaults().withRounds(0));
        WinRateMatrix p = board.predicted();
        double expectedWinsOfA = 5 * p.get("A", "B") + 5 * p.get("A", "D");
        double expectedWinsOfC = 8 * p.get("C", "B") + 4 * p.get("C", "D");
        assertThat(expectedWinsOfA).isCloseTo(3, within(1e-12));
        assertThat(expectedWinsOfC).isCloseTo(4, within(1e-12));
    }

    private static double strength(Leaderboard board, String name) {
        return Math.pow(10, (board.row(name).rating() - 1000) / 400);
    }
}
