package dev.tribunal.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The anomalous-voter statistic against hand computations. */
class VoterAnomalyTest {

    @Test
    void aVoteAgainstTheOtherVotersIsAsUnlikelyAsItsSmoothedShare() {
        // 0 others for the chosen side, 4 for the other: q = (0 + 1) / (4 + 2) = 1/6
        assertThat(VoterAnomaly.voteP(0, 4)).isCloseTo(1.0 / 6, within(1e-15));
        assertThat(VoterAnomaly.voteP(1, 3)).isCloseTo(2.0 / 6, within(1e-15));
        // with the crowd, an even split, or no other votes: no evidence
        assertThat(VoterAnomaly.voteP(4, 0)).isEqualTo(1.0);
        assertThat(VoterAnomaly.voteP(2, 2)).isEqualTo(1.0);
        assertThat(VoterAnomaly.voteP(0, 0)).isEqualTo(1.0);
    }

    @Test
    void fishersMethodMatchesTheClosedFormForWholeDegreesOfFreedom() {
        // p = 1/6 and 1/3: X = -2 ln(1/18) = 2 ln 18, n = 2, P = e^{-X/2} (1 + X/2) = (1 + ln 18) / 18
        assertThat(VoterAnomaly.combinedP(new double[] {1.0 / 6, 1.0 / 3}))
                .isCloseTo((1 + Math.log(18)) / 18, within(1e-12));
        assertThat((1 + Math.log(18)) / 18).isCloseTo(0.2161317643, within(1e-10));
        // one p-value combines to itself: P = e^{ln p} = p
        assertThat(VoterAnomaly.combinedP(new double[] {0.05})).isCloseTo(0.05, within(1e-12));
        // votes with the crowd add nothing
        assertThat(VoterAnomaly.combinedP(new double[] {1, 1, 1})).isCloseTo(1.0, within(1e-12));
        assertThat(VoterAnomaly.combinedP(new double[0])).isEqualTo(1.0);
    }

    @Test
    void twentyVotesForTheLoserOfLopsidedPairsFallFarBelowOneInAMillion() {
        double[] p = new double[20];
        java.util.Arrays.fill(p, VoterAnomaly.voteP(1, 30));   // the crowd voted 30 to 1 the other way
        double combined = VoterAnomaly.combinedP(p);
        // p = (1 + 1) / (31 + 2) = 2/33, X = 40 ln(33/2), n = 20: P = e^{-X/2} Σ_{k<20} (X/2)^k / k!
        double half = 20 * Math.log(33.0 / 2);
        double sum = 0;
        double term = 1;
        for (int k = 0; k < 20; k++) {
            sum += term;
            term *= half / (k + 1);
        }
        assertThat(combined).isCloseTo(Math.exp(-half) * sum, within(1e-15)).isLessThan(1e-6);
        // while a contrarian against a 60/40 crowd is not: p = 41/102 per vote
        java.util.Arrays.fill(p, VoterAnomaly.voteP(40, 60));
        assertThat(VoterAnomaly.combinedP(p)).isGreaterThan(1e-3);
    }
}
