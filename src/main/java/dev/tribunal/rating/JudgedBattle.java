package dev.tribunal.rating;

import java.util.Objects;

/**
 * One judge's verdict between two contestants: the input of {@link JudgeWeights#peerRank}. In peer evaluation
 * (PRD, AutoBench) the judges are contestants too, and a judge's weight follows how it fares as one.
 *
 * @param judge       who gave the verdict
 * @param a           the first contestant
 * @param b           the second contestant
 * @param outcomeForA in [0, 1]: 1 = a wins, 0 = b wins, 0.5 = tie
 */
public record JudgedBattle(String judge, String a, String b, double outcomeForA) {

    public JudgedBattle {
        Objects.requireNonNull(judge, "judge");
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        if (a.equals(b)) throw new IllegalArgumentException("a battle needs two different contestants: " + a);
        if (!(outcomeForA >= 0 && outcomeForA <= 1)) {
            throw new IllegalArgumentException("outcome must be in [0, 1]: " + outcomeForA);
        }
    }
}
