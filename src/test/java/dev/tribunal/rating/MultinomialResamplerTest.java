package dev.tribunal.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** The binomial chain must be an exact multinomial: right frequencies, draws that always sum to N. */
class MultinomialResamplerTest {

    @ParameterizedTest
    @CsvSource({"20, 0.3", "50, 0.4", "1000, 0.02", "400, 0.9", "1000000, 0.0001"})   // inversion and BTRS regimes
    void binomialDrawsFollowTheBinomialDistribution(long n, double p) {
        SplittableRandom random = new SplittableRandom(1);
        int draws = 200_000;
        double mean = n * p;
        double sd = Math.sqrt(n * p * (1 - p));
        int lowest = (int) Math.max(0, Math.floor(mean - 8 * sd));
        int highest = (int) Math.min(n, Math.ceil(mean + 8 * sd));
        long[] histogram = new long[highest - lowest + 1];
        double sum = 0;
        double sumOfSquares = 0;
        for (int d = 0; d < draws; d++) {
            long k = BinomialSampler.sample(n, p, random);
            assertThat(k).isBetween((long) lowest, (long) highest);
            histogram[(int) (k - lowest)]++;
            sum += k;
            sumOfSquares += (double) k * k;
        }
        double sampleMean = sum / draws;
        assertThat(sampleMean).isCloseTo(mean, within(5 * sd / Math.sqrt(draws)));
        assertThat(sumOfSquares / draws - sampleMean * sampleMean).isCloseTo(sd * sd, within(0.02 * sd * sd));
        // each probability mass within 5 standard errors of the exact pmf
        for (int k = lowest; k <= highest; k++) {
            double pmf = Math.exp(BinomialSampler.logFactorial(n) - BinomialSampler.logFactorial(k)
                    - BinomialSampler.logFactorial(n - k) + k * Math.log(p) + (n - k) * Math.log1p(-p));
            double frequency = (double) histogram[k - lowest] / draws;
            assertThat(frequency).as("P(X = %d)", k).isCloseTo(pmf, within(5 * Math.sqrt(pmf * (1 - pmf) / draws) + 1e-5));
        }
    }

    @ParameterizedTest
    @EnumSource(MultinomialResampler.Method.class)
    void bothMethodsDrawExactlyNWithTheCellsProportions(MultinomialResampler.Method method) {
        long[] counts = {5, 0, 120, 1, 3000, 40, 7};
        long total = 3173;
        MultinomialResampler resampler = new MultinomialResampler(counts, method);
        SplittableRandom random = new SplittableRandom(3);
        double[] mean = new double[counts.length];
        double[] square = new double[counts.length];
        long[] drawn = new long[counts.length];
        int rounds = 20_000;
        for (int r = 0; r < rounds; r++) {
            resampler.resample(random, drawn);
            long sum = 0;
            for (int c = 0; c < counts.length; c++) {
                sum += drawn[c];
                mean[c] += (double) drawn[c] / rounds;
                square[c] += (double) drawn[c] * drawn[c];
            }
            assertThat(sum).isEqualTo(total);
            assertThat(drawn[1]).isZero();
        }
        for (int c = 0; c < counts.length; c++) {
            double p = (double) counts[c] / total;
            double se = Math.sqrt(total * p * (1 - p) / rounds);
            assertThat(mean[c]).as("cell %d", c).isCloseTo(counts[c], within(5 * se + 1e-9));
            // Var k_c = N p (1 − p); the sample variance of 20,000 draws is within ~1 % of it (5 standard errors: 5 %)
            double variance = square[c] / rounds - mean[c] * mean[c];
            assertThat(variance).as("variance of cell %d", c).isCloseTo(total * p * (1 - p), within(0.05 * total * p * (1 - p) + 1e-9));
        }
    }

    @Test
    void battleByBattleWhenMostCellsHoldFewBattles() {
        assertThat(MultinomialResampler.choose(new long[] {1, 2, 1, 1})).isEqualTo(MultinomialResampler.Method.BLOCKS_THEN_BATTLES);
        assertThat(MultinomialResampler.choose(new long[] {500, 2000, 40})).isEqualTo(MultinomialResampler.Method.BINOMIAL_CHAIN);
    }

    @Test
    void roundSeedsDependOnTheMasterSeedAndTheRoundOnly() {
        assertThat(BootstrapIntervals.seedOfRound(42, 3)).isEqualTo(BootstrapIntervals.seedOfRound(42, 3));
        assertThat(BootstrapIntervals.seedOfRound(42, 3)).isNotEqualTo(BootstrapIntervals.seedOfRound(42, 4));
        assertThat(BootstrapIntervals.seedOfRound(42, 3)).isNotEqualTo(BootstrapIntervals.seedOfRound(43, 3));
    }
}
