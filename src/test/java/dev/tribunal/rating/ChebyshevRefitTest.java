package dev.tribunal.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Bootstrap refits by the Chebyshev iteration land on each resample's own maximum, the one a full dense Newton fit
 * finds, to 1e-9; the iteration is chosen only where the point's spectrum makes it pay, and hands over to Newton's
 * method where it does not converge.
 */
class ChebyshevRefitTest {
    private static final double TOLERANCE = 1e-9;

    @Test
    void refitsOnAWellMixedGraphEqualDenseNewtonFits() {
        // 300 contestants who all meet one another, 150,000 battles
        PairCounts cells = SparseFitTest.sparse(300, 300, 150_000, 4);
        Refits refits = new Refits(cells, BradleyTerry.Algebra.SPARSE);
        ChebyshevRefit chebyshev = refits.chord.chebyshev();
        assertThat(chebyshev).isNotNull();
        // the rating scale is the mode that stands apart; once deflated the bounds are close around 1
        assertThat(chebyshev.modes()).isBetween(1, ChebyshevRefit.MAX_MODES);
        assertThat(chebyshev.lower()).isBetween(0.5, 1.0);
        assertThat(chebyshev.upper()).isBetween(1.0, 1.5);

        for (int round = 0; round < 20; round++) {
            refits.resample(round);
            BradleyTerry.Fit refit = refits.refit();
            BradleyTerry.Fit newton = refits.dense();

            assertThat(refit.solver()).isEqualTo(BradleyTerry.Solver.CHEBYSHEV);
            assertThat(refit.converged()).isTrue();
            assertThat(refit.iterations()).as("round " + round).isLessThanOrEqualTo(20);
            assertThat(refit.logStrength()).as("round " + round).containsExactly(newton.logStrength(), within(TOLERANCE));
            // a resample moves the ratings far more than the tolerance: the comparison is not with the start
            assertThat(largestDifference(refit.logStrength(), refits.point.logStrength())).isGreaterThan(1e-3);
        }
    }

    @Test
    void theDenseAlgebraUsesItTooAndEqualsItsOwnChord() {
        PairCounts cells = SparseFitTest.sparse(60, 60, 30_000, 5);
        Refits refits = new Refits(cells, BradleyTerry.Algebra.DENSE);
        BradleyTerry chordOnly = refits.model.withoutChebyshev();
        BradleyTerry.Chord chord = chordOnly.chord(refits.point, refits.pointI, refits.pointJ);

        for (int round = 0; round < 20; round++) {
            refits.resample(round);
            BradleyTerry.Fit refit = refits.refit();
            BradleyTerry.Fit byChord = chordOnly.refit(chord, refits.scoreI, refits.scoreJ, 1);

            assertThat(refit.solver()).isEqualTo(BradleyTerry.Solver.CHEBYSHEV);
            assertThat(byChord.solver()).isEqualTo(BradleyTerry.Solver.CHORD);
            assertThat(refit.logStrength()).containsExactly(byChord.logStrength(), within(TOLERANCE));
        }
    }

    @Test
    void sparseGraphsKeepNewtonWithConjugateGradients() {
        // 300 contestants on a ring, each meeting ~12 others: D⁻¹H's spectrum is too wide for the iteration to pay
        PairCounts cells = SparseFitTest.sparse(300, 12, 60_000, 1);
        Refits refits = new Refits(cells, BradleyTerry.Algebra.SPARSE);

        assertThat(refits.chord.chebyshev()).isNull();
        refits.resample(0);
        BradleyTerry.Fit refit = refits.refit();
        assertThat(refit.solver()).isEqualTo(BradleyTerry.Solver.NEWTON_CG);
        assertThat(refit.logStrength()).containsExactly(refits.dense().logStrength(), within(TOLERANCE));
    }

    @Test
    void disconnectedGroupsAreRefittedEachOnItsOwn() {
        // two groups of 80 that never meet: two null directions, both kept out of the Lanczos basis and the steps
        SplittableRandom random = new SplittableRandom(6);
        BattleSet.Builder builder = BattleSet.builder();
        for (int k = 0; k < 60_000; k++) {
            int group = random.nextInt(2) * 80;
            int a = group + random.nextInt(80);
            int b = group + (a - group + 1 + random.nextInt(79)) % 80;
            double winsA = 1 / (1 + Math.exp((b - a) / 30.0));
            builder.add(Battle.of("m" + a, "m" + b, random.nextDouble() < winsA ? 1 : 0));
        }
        PairCounts cells = builder.build().cells();
        Refits refits = new Refits(cells, BradleyTerry.Algebra.SPARSE);
        assertThat(refits.point.graph().components).isEqualTo(2);
        assertThat(refits.chord.chebyshev()).isNotNull();

        for (int round = 0; round < 10; round++) {
            refits.resample(round);
            BradleyTerry.Fit refit = refits.refit();
            assertThat(refit.solver()).isEqualTo(BradleyTerry.Solver.CHEBYSHEV);
            assertThat(refit.logStrength()).containsExactly(refits.dense().logStrength(), within(TOLERANCE));
        }
    }

    @Test
    void anIterationThatDoesNotConvergeSaysSo() {
        PairCounts cells = SparseFitTest.sparse(100, 100, 30_000, 7);
        Refits refits = new Refits(cells, BradleyTerry.Algebra.DENSE);
        ChebyshevRefit chebyshev = refits.chord.chebyshev();
        double[] theta = new double[cells.contestants];
        double[] gradient = new double[cells.contestants];
        double[] diagonal = new double[cells.contestants];
        Arrays.fill(gradient, 1);
        Arrays.fill(diagonal, 1);
        // a "gradient" that never shrinks: the steps never do either
        int iterations = chebyshev.solve(theta, gradient, diagonal, (at, into) -> Arrays.fill(into, 1), 1e-11);
        assertThat(iterations).isEqualTo(-1);

        // and a refit far from the point (every result reversed) still ends at the resample's maximum, by whichever path
        double[] reversedI = refits.pointJ.clone();
        double[] reversedJ = refits.pointI.clone();
        BradleyTerry.Fit refit = refits.model.refit(refits.chord, reversedI, reversedJ, 1);
        assertThat(refit.converged()).isTrue();
        assertThat(refit.logStrength()).containsExactly(refits.model.withoutChebyshev().fit(reversedI, reversedJ, null, 1)
                .logStrength(), within(TOLERANCE));
    }

    /** The point fit of some cells with its chord, and one resample at a time. */
    private static final class Refits {
        final PairCounts cells;
        final BradleyTerry model;
        final BradleyTerry dense;
        final double[] pointI;
        final double[] pointJ;
        final BradleyTerry.Fit point;
        final BradleyTerry.Chord chord;
        final MultinomialResampler resampler;
        final long[] drawn;
        final double[] scoreI;
        final double[] scoreJ;

        Refits(PairCounts cells, BradleyTerry.Algebra algebra) {
            this.cells = cells;
            model = BradleyTerry.of(cells, BradleyTerry.MAX_ITERATIONS, algebra);
            dense = BradleyTerry.of(cells, BradleyTerry.MAX_ITERATIONS, BradleyTerry.Algebra.DENSE);
            pointI = new double[cells.pairCount()];
            pointJ = new double[cells.pairCount()];
            cells.pairScores(cells.count, pointI, pointJ);
            point = model.fit(pointI, pointJ, null, 1);
            chord = model.chord(point, pointI, pointJ);
            resampler = new MultinomialResampler(cells.count);
            drawn = new long[cells.size()];
            scoreI = new double[cells.pairCount()];
            scoreJ = new double[cells.pairCount()];
        }

        void resample(int round) {
            resampler.resample(new SplittableRandom(BootstrapIntervals.seedOfRound(42, round)), drawn);
            cells.pairScores(drawn, scoreI, scoreJ);
        }

        BradleyTerry.Fit refit() {
            return model.refit(chord, scoreI, scoreJ, 1);
        }

        BradleyTerry.Fit dense() {
            return dense.fit(scoreI, scoreJ, null, 1);
        }
    }

    private static double largestDifference(double[] x, double[] y) {
        double largest = 0;
        for (int k = 0; k < x.length; k++) largest = Math.max(largest, Math.abs(x[k] - y[k]));
        return largest;
    }
}
