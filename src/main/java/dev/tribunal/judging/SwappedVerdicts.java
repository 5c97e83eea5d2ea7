package dev.tribunal.judging;

import java.util.ArrayList;
import java.util.List;

/**
 * The two games of a position-swapped comparison (Arena-Hard): game 1 shows the first answer as A, game 2 shows
 * it as B. Judges prefer one position; averaging both games cancels that bias.
 */
public record SwappedVerdicts(JudgeVerdict game1, JudgeVerdict game2) {

    /**
     * The parsed games as verdicts from the first answer's point of view (game 2's verdict swapped back), in game
     * order; an unparseable game is left out.
     */
    public List<PairVerdict> verdictsForFirst() {
        List<PairVerdict> verdicts = new ArrayList<>(2);
        if (game1.parsed()) verdicts.add(game1.verdict());
        if (game2.parsed()) verdicts.add(game2.verdict().swapped());
        return verdicts;
    }

    /** Cost of both games. */
    public double cost() {
        return game1.cost() + game2.cost();
    }
}
