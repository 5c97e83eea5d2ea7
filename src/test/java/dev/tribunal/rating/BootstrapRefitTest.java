package dev.tribunal.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.EnumSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Bootstrap resamples refitted by chord iterations from the point estimate (the dense algebra's own refit, used where
 * the Chebyshev iteration is not) must land on the resample's own maximum, the one a full Newton fit of the
 * resample finds, to 1e-9.
 */
class BootstrapRefitTest {
    private static final double TOLERANCE = 1e-9;
    private static final double PRIOR_TIE = 1;

    @Test
    void chordRefitsOfResamplesEqualFullNewtonFits() {
        PairCounts cells = simulated(40, 100_000, 1);
        Refits refits = new Refits(cells);

        for (int round = 0; round < 40; round++) {
            refits.resample(round);
            BradleyTerry.Fit chord = refits.chord();
            BradleyTerry.Fit newton = refits.newton();

            assertThat(chord.solver()).isEqualTo(BradleyTerry.Solver.CHORD);
            assertThat(newton.solver()).isEqualTo(BradleyTerry.Solver.NEWTON);
            assertThat(chord.logStrength()).containsExactly(newton.logStrength(), within(TOLERANCE));
            assertThat(refits.largestScoreResidual(chord)).isLessThan(1e-6);
            // a resample moves the ratings far more than the tolerance: the comparison is not with the start
            assertThat(largestDifference(chord.logStrength(), refits.point.logStrength())).isGreaterThan(1e-3);
        }
    }

    @Test
    void resamplesThatChangeTheGraphAreFittedByNewtonAndEqualTooOtherwise() {
        // 30 contestants and 400 battles: many resamples lose someone's only win or loss against a group
        PairCounts cells = simulated(30, 400, 2);
        Refits refits = new Refits(cells);
        Set<BradleyTerry.Solver> solvers = EnumSet.noneOf(BradleyTerry.Solver.class);

        for (int round = 0; round < 60; round++) {
            refits.resample(round);
            BradleyTerry.Fit chord = refits.chord();
            BradleyTerry.Fit newton = refits.newton();

            solvers.add(chord.solver());
            assertThat(chord.priorApplied()).isEqualTo(newton.priorApplied());
            assertThat(chord.graph().component).containsExactly(newton.graph().component);
            assertThat(chord.logStrength()).containsExactly(newton.logStrength(), within(TOLERANCE));
        }
        assertThat(solvers).containsExactlyInAnyOrder(BradleyTerry.Solver.CHORD, BradleyTerry.Solver.NEWTON);
    }

    @Test
    void chordIterationsThatStallFallBackToNewton() {
        PairCounts cells = simulated(20, 20_000, 3);
        BradleyTerry model = BradleyTerry.of(cells).withoutChebyshev();
        double[] scoreI = new double[cells.pairCount()];
        double[] scoreJ = new double[cells.pairCount()];
        cells.pairScores(cells.count, scoreI, scoreJ);
        BradleyTerry.Fit point = model.fit(scoreI, scoreJ, null, PRIOR_TIE);
        double[] hundredthI = scoreI.clone();
        double[] hundredthJ = scoreJ.clone();
        for (int p = 0; p < hundredthI.length; p++) {
            hundredthI[p] /= 100;
            hundredthJ[p] /= 100;
        }
        // the Hessian of a hundredth of the data: steps 100 times too long, which diverge
        BradleyTerry.Chord wrong = model.chord(point, hundredthI, hundredthJ);
        long[] drawn = new long[cells.size()];
        new MultinomialResampler(cells.count).resample(new SplittableRandom(5), drawn);
        cells.pairScores(drawn, scoreI, scoreJ);

        BradleyTerry.Fit refit = model.refit(wrong, scoreI, scoreJ, PRIOR_TIE);

        assertThat(refit.solver()).isEqualTo(BradleyTerry.Solver.NEWTON);
        assertThat(refit.logStrength()).containsExactly(model.fit(scoreI, scoreJ, point.logStrength(), PRIOR_TIE)
                .logStrength(), within(TOLERANCE));
    }

    /** The point fit of some cells and its chord, and one resample at a time refitted both ways. */
    private static final class Refits {
        final PairCounts cells;
        final BradleyTerry model;
        final BradleyTerry.Fit point;
        final BradleyTerry.Chord chord;
        final MultinomialResampler resampler;
        final long[] drawn;
        final double[] scoreI;
        final double[] scoreJ;

        Refits(PairCounts cells) {
            this.cells = cells;
            model = BradleyTerry.of(cells).withoutChebyshev();   // the chord itself (ChebyshevRefitTest has the rest)
            scoreI = new double[cells.pairCount()];
            scoreJ = new double[cells.pairCount()];
            cells.pairScores(cells.count, scoreI, scoreJ);
            point = model.fit(scoreI, scoreJ, null, PRIOR_TIE);
            chord = model.chord(point, scoreI, scoreJ);
            // the chain's draws, with which 1 of these 60 resamples (of 30 contestants) keeps the point's graph
            resampler = new MultinomialResampler(cells.count, MultinomialResampler.Method.BINOMIAL_CHAIN);
            drawn = new long[cells.size()];
        }

        void resample(int round) {
            resampler.resample(new SplittableRandom(BootstrapIntervals.seedOfRound(42, round)), drawn);
            cells.pairScores(drawn, scoreI, scoreJ);
        }

        BradleyTerry.Fit chord() {
            return model.refit(chord, scoreI, scoreJ, PRIOR_TIE);
        }

        BradleyTerry.Fit newton() {
            return model.fit(scoreI, scoreJ, point.logStrength(), PRIOR_TIE);
        }

        /** max_i |Σ_j s_ij − n_ij σ(θ_i − θ_j)|: the likelihood equations, 0 at the maximum. */
        double largestScoreResidual(BradleyTerry.Fit fit) {
            double[] residual = new double[cells.contestants];
            double[] theta = fit.logStrength();
            for (int p = 0; p < cells.pairCount(); p++) {
                int i = cells.pairI[p];
                int j = cells.pairJ[p];
                double expected = (scoreI[p] + scoreJ[p]) / (1 + Math.exp(theta[j] - theta[i]));
                residual[i] += scoreI[p] - expected;
                residual[j] -= scoreI[p] - expected;
            }
            double largest = 0;
            for (double r : residual) largest = Math.max(largest, Math.abs(r));
            return largest;
        }
    }

    /** Battles of random pairs drawn from Bradley–Terry ratings spread over ±300 Elo, one in ten a tie. */
    private static PairCounts simulated(int contestants, int battles, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] rating = new double[contestants];
        for (int i = 0; i < contestants; i++) rating[i] = 600 * random.nextDouble() - 300;
        BattleSet.Builder builder = BattleSet.builder();
        for (int k = 0; k < battles; k++) {
            int a = random.nextInt(contestants);
            int b = (a + 1 + random.nextInt(contestants - 1)) % contestants;
            double winsA = 1 / (1 + Math.pow(10, (rating[b] - rating[a]) / 400));
            double outcome = random.nextDouble() < 0.1 ? 0.5 : random.nextDouble() < winsA ? 1 : 0;
            builder.add(Battle.of("m" + a, "m" + b, outcome));
        }
        return builder.build().cells();
    }

    private static double largestDifference(double[] x, double[] y) {
        double largest = 0;
        for (int k = 0; k < x.length; k++) largest = Math.max(largest, Math.abs(x[k] - y[k]));
        return largest;
    }
}
