package dev.tribunal.rating;

import org.apache.commons.math3.special.Gamma;

/**
 * The anomalous-voter test of Chatbot Arena (Chiang et al. 2024, "Chatbot Arena: An Open Platform for Evaluating
 * LLMs by Human Preference", §5, "Detecting Anomalous Users"): how unlikely a voter's decisive votes are under the
 * other voters' votes on the same pairs.
 *
 * <p>Per vote on the pair (x, y), with w_x and w_y the other voters' votes for x and for y, the Laplace-smoothed
 * outcome probabilities are q_x = (w_x + 1) / (w_x + w_y + 2) and q_y = 1 − q_x, and the vote's p-value is the
 * probability of an outcome at most as likely as the one chosen:
 * <pre>  p = Σ_{o ∈ {x, y}, q_o ≤ q_chosen} q_o   (= q_chosen when it is the less likely outcome, else 1)</pre>
 * so agreeing with the crowd (or a pair without other votes) is p = 1, no evidence at all.
 *
 * <p>Fisher's method combines the n p-values: X = −2 Σ ln p_i is χ²-distributed with 2n degrees of freedom when the
 * p-values are independent and uniform (for discrete p-values as here it is stochastically smaller, so the test is
 * conservative), and the combined p-value is P = Pr[χ²_{2n} ≥ X] = Q(n, X/2), the regularised upper incomplete gamma
 * function (for whole n: e^{−X/2} Σ_{k<n} (X/2)^k / k!).
 */
public final class VoterAnomaly {

    private VoterAnomaly() {
    }

    /** The p-value of one vote for the side that has {@code forChosen} other votes, against {@code forOther}. */
    public static double voteP(long forChosen, long forOther) {
        if (forChosen < 0 || forOther < 0) throw new IllegalArgumentException("vote counts must be >= 0");
        double qChosen = (forChosen + 1.0) / (forChosen + forOther + 2.0);
        return qChosen < 0.5 ? qChosen : 1.0;
    }

    /** Fisher's combined p-value of these p-values (each in (0, 1]); 1 for none. */
    public static double combinedP(double[] pValues) {
        if (pValues.length == 0) return 1;
        double x = 0;
        for (double p : pValues) {
            if (!(p > 0 && p <= 1)) throw new IllegalArgumentException("a p-value must be in (0, 1], got " + p);
            x -= 2 * Math.log(p);
        }
        return Gamma.regularizedGammaQ(pValues.length, x / 2);
    }
}
