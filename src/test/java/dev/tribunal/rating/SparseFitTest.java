package dev.tribunal.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The sparse algebra (Newton with conjugate gradients on the Hessian as a graph Laplacian) reaches the same maximum
 * as dense Newton, for point fits and bootstrap refits, with and without the prior, connected or not, and gives
 * the published numbers.
 */
class SparseFitTest {
    private static final double TOLERANCE = 1e-9;

    @Test
    void theChoiceFollowsTheShareOfPairsThatMet() {
        assertThat(BradleyTerry.Algebra.forGraph(100, 100 * 99 / 2)).isEqualTo(BradleyTerry.Algebra.DENSE);
        assertThat(BradleyTerry.Algebra.forGraph(150, 150 * 149 / 2)).isEqualTo(BradleyTerry.Algebra.DENSE);
        assertThat(BradleyTerry.Algebra.forGraph(400, 400 * 399 / 2)).isEqualTo(BradleyTerry.Algebra.SPARSE);
        assertThat(BradleyTerry.Algebra.forGraph(1000, 400_000)).isEqualTo(BradleyTerry.Algebra.SPARSE);
        assertThat(BradleyTerry.Algebra.forGraph(10_000, 250_000)).isEqualTo(BradleyTerry.Algebra.SPARSE);
        assertThat(BradleyTerry.Algebra.forGraph(5000, 5000 * 4999 / 2)).isEqualTo(BradleyTerry.Algebra.SPARSE);
    }

    @Test
    void sparsePointFitsAndRefitsEqualDenseNewton() {
        // 300 contestants who each meet about 12 others: a sparse graph
        PairCounts cells = sparse(300, 12, 60_000, 1);
        assertThat(BradleyTerry.Algebra.forGraph(cells.contestants, cells.pairCount())).isEqualTo(BradleyTerry.Algebra.SPARSE);
        BradleyTerry sparse = BradleyTerry.of(cells, BradleyTerry.MAX_ITERATIONS, BradleyTerry.Algebra.SPARSE);
        BradleyTerry dense = BradleyTerry.of(cells, BradleyTerry.MAX_ITERATIONS, BradleyTerry.Algebra.DENSE);
        double[] scoreI = new double[cells.pairCount()];
        double[] scoreJ = new double[cells.pairCount()];
        cells.pairScores(cells.count, scoreI, scoreJ);

        BradleyTerry.Fit point = sparse.fit(scoreI, scoreJ, null, 1);
        BradleyTerry.Fit densePoint = dense.fit(scoreI, scoreJ, null, 1);

        assertThat(point.solver()).isEqualTo(BradleyTerry.Solver.NEWTON_CG);
        assertThat(point.converged()).as("%d iterations, last step %g", point.iterations(), point.lastStep()).isTrue();
        assertThat(point.logStrength()).containsExactly(densePoint.logStrength(), within(TOLERANCE));

        BradleyTerry.Chord chord = sparse.chord(point, scoreI, scoreJ);
        MultinomialResampler resampler = new MultinomialResampler(cells.count);
        long[] drawn = new long[cells.size()];
        for (int round = 0; round < 20; round++) {
            resampler.resample(new SplittableRandom(round), drawn);
            cells.pairScores(drawn, scoreI, scoreJ);
            BradleyTerry.Fit refit = sparse.refit(chord, scoreI, scoreJ, 1);
            BradleyTerry.Fit newton = dense.fit(scoreI, scoreJ, null, 1);
            assertThat(refit.converged()).isTrue();
            assertThat(refit.priorApplied()).isEqualTo(newton.priorApplied());
            assertThat(refit.logStrength()).as("round " + round).containsExactly(newton.logStrength(), within(TOLERANCE));
        }
    }

    @Test
    void refitsOnAWellMixedGraphStopWithoutAConfirmingStepAndEqualDenseNewton() {
        // 200 contestants, nearly every pair met: Newton from the point converges quadratically, so the refit solves
        // its last step tightly enough to stop there (4 steps), rather than making a fifth only to see it is tiny
        PairCounts cells = sparse(200, 200, 100_000, 2);
        // Newton–CG itself: a graph this well mixed is otherwise refitted by the Chebyshev iteration
        BradleyTerry sparse = BradleyTerry.of(cells, BradleyTerry.MAX_ITERATIONS, BradleyTerry.Algebra.SPARSE)
                .withoutChebyshev();
        BradleyTerry dense = BradleyTerry.of(cells, BradleyTerry.MAX_ITERATIONS, BradleyTerry.Algebra.DENSE);
        double[] scoreI = new double[cells.pairCount()];
        double[] scoreJ = new double[cells.pairCount()];
        cells.pairScores(cells.count, scoreI, scoreJ);
        BradleyTerry.Fit point = sparse.fit(scoreI, scoreJ, null, 1);
        BradleyTerry.Chord chord = sparse.chord(point, scoreI, scoreJ);
        MultinomialResampler resampler = new MultinomialResampler(cells.count);
        long[] drawn = new long[cells.size()];
        float[] curvature = new float[cells.pairCount()];
        for (int round = 0; round < 20; round++) {
            resampler.resample(new SplittableRandom(round), drawn);
            cells.pairScores(drawn, scoreI, scoreJ);

            BradleyTerry.Fit refit = sparse.refit(chord, scoreI, scoreJ, 1, curvature);

            assertThat(refit.solver()).isEqualTo(BradleyTerry.Solver.NEWTON_CG);
            assertThat(refit.converged()).isTrue();
            assertThat(refit.iterations()).as("round " + round).isLessThanOrEqualTo(4);
            assertThat(refit.logStrength()).as("round " + round)
                    .containsExactly(dense.fit(scoreI, scoreJ, null, 1).logStrength(), within(TOLERANCE));
        }
    }

    @Test
    void sparseFitsWithThePriorAndDisconnectedGroupsEqualDense() {
        List<Battle> battles = new ArrayList<>();
        for (int k = 0; k < 3; k++) battles.add(Battle.of("A", "B", 1));   // A never loses
        battles.add(Battle.of("B", "C", 1));
        battles.add(Battle.of("C", "B", 1));
        battles.add(Battle.of("D", "E", 0.5));
        battles.add(Battle.of("E", "F", 1));
        battles.add(Battle.of("F", "D", 1));
        PairCounts cells = BattleSet.of(battles).cells();
        double[] scoreI = new double[cells.pairCount()];
        double[] scoreJ = new double[cells.pairCount()];
        cells.pairScores(cells.count, scoreI, scoreJ);

        BradleyTerry.Fit sparse = BradleyTerry.of(cells, 200, BradleyTerry.Algebra.SPARSE).fit(scoreI, scoreJ, null, 1);
        BradleyTerry.Fit dense = BradleyTerry.of(cells, 200, BradleyTerry.Algebra.DENSE).fit(scoreI, scoreJ, null, 1);

        assertThat(sparse.priorApplied()).isTrue();
        assertThat(sparse.graph().components).isEqualTo(2);
        assertThat(sparse.logStrength()).containsExactly(dense.logStrength(), within(TOLERANCE));
    }

    @Test
    void theSparseAlgebraGivesArenaHardsPublishedRatings() {
        BattleSet battles = BattleSet.of(ReferenceData.arenaHardBattles());
        int haiku = battles.contestants().indexOf(ReferenceData.HAIKU);
        BradleyTerry.Fit fit = BradleyTerry.of(battles.cells(), 200, BradleyTerry.Algebra.SPARSE)
                .fit(pairScores(battles.cells())[0], pairScores(battles.cells())[1], null, 1);
        double[] ratings = new Anchoring(haiku, 1000).fromLogStrength(fit.logStrength(), fit.graph().component,
                fit.graph().components);

        Map<String, Double> exact = Map.of(ReferenceData.SONNET, 1357.848881, ReferenceData.GPT_4O, 1327.528887,
                ReferenceData.GPT_4O_MINI, 1241.446270, ReferenceData.OPUS, 1199.981632);
        exact.forEach((model, rating) -> assertThat(ratings[battles.contestants().indexOf(model)]).as(model)
                .isCloseTo(rating, within(1e-6)));
    }

    private static double[][] pairScores(PairCounts cells) {
        double[][] scores = {new double[cells.pairCount()], new double[cells.pairCount()]};
        cells.pairScores(cells.count, scores[0], scores[1]);
        return scores;
    }

    /** Battles among contestants placed on a ring, each meeting its {@code degree} nearest neighbours and a few random others. */
    static PairCounts sparse(int contestants, int degree, int battles, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] rating = new double[contestants];
        for (int i = 0; i < contestants; i++) rating[i] = 600 * random.nextDouble() - 300;
        BattleSet.Builder builder = BattleSet.builder();
        for (int k = 0; k < battles; k++) {
            int a = random.nextInt(contestants);
            int b = random.nextInt(10) == 0 ? random.nextInt(contestants)
                    : (a + 1 + random.nextInt(degree / 2)) % contestants;
            if (a == b) b = (a + 1) % contestants;
            double winsA = 1 / (1 + Math.pow(10, (rating[b] - rating[a]) / 400));
            double outcome = random.nextDouble() < 0.1 ? 0.5 : random.nextDouble() < winsA ? 1 : 0;
            builder.add(Battle.of("m" + a, "m" + b, outcome));
        }
        return builder.build().cells();
    }
}
