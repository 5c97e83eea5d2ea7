package dev.tribunal.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Cells are stored in order of their pairs, pairs in order of (i, j) with compressed rows: the pair scores, the
 * rows and the cluster bootstrap's units must all still describe the cells as given.
 */
class PairCountsTest {

    @Test
    void cellsInAnyOrderAndOrientationGiveThePairScoresOfTheirBattles() {
        SplittableRandom random = new SplittableRandom(4);
        int contestants = 9;
        int size = 200;
        int[] a = new int[size];
        int[] b = new int[size];
        double[] outcome = new double[size];
        double[] weight = new double[size];
        long[] count = new long[size];
        double[][] score = new double[contestants][contestants];   // score[x][y]: what x scored against y
        for (int c = 0; c < size; c++) {
            a[c] = random.nextInt(contestants);
            b[c] = (a[c] + 1 + random.nextInt(contestants - 1)) % contestants;   // either a < b or a > b
            outcome[c] = random.nextInt(3) / 2.0;
            weight[c] = 1 + random.nextInt(3);
            count[c] = random.nextInt(5);
            score[a[c]][b[c]] += count[c] * weight[c] * outcome[c];
            score[b[c]][a[c]] += count[c] * weight[c] * (1 - outcome[c]);
        }
        int[] position = new int[size];

        PairCounts cells = PairCounts.of(contestants, a, b, outcome, weight, count, position);

        for (int c = 0; c < size; c++) {
            int at = position[c];
            assertThat(new int[] {cells.cellA[at], cells.cellB[at]})
                    .containsExactly(Math.min(a[c], b[c]), Math.max(a[c], b[c]));
            assertThat(cells.outcome[at]).isEqualTo(a[c] < b[c] ? outcome[c] : 1 - outcome[c]);
            assertThat(cells.weight[at]).isEqualTo(weight[c]);
            assertThat(cells.count[at]).isEqualTo(count[c]);
            assertThat(cells.cellA[at]).isEqualTo(cells.pairI[cells.cellPair[at]]);
            assertThat(cells.cellB[at]).isEqualTo(cells.pairJ[cells.cellPair[at]]);
        }
        for (int c = 1; c < size; c++) assertThat(cells.cellPair[c]).isGreaterThanOrEqualTo(cells.cellPair[c - 1]);
        for (int i = 0; i < contestants; i++) {
            for (int p = cells.pairStart[i]; p < cells.pairStart[i + 1]; p++) {
                assertThat(cells.pairI[p]).isEqualTo(i);
                if (p > cells.pairStart[i]) assertThat(cells.pairJ[p]).isGreaterThan(cells.pairJ[p - 1]);
            }
        }
        assertThat(cells.pairStart[contestants]).isEqualTo(cells.pairCount());
        double[] scoreI = new double[cells.pairCount()];
        double[] scoreJ = new double[cells.pairCount()];
        cells.pairScores(cells.count, scoreI, scoreJ);
        for (int p = 0; p < cells.pairCount(); p++) {
            assertThat(scoreI[p]).isCloseTo(score[cells.pairI[p]][cells.pairJ[p]], within(1e-12));
            assertThat(scoreJ[p]).isCloseTo(score[cells.pairJ[p]][cells.pairI[p]], within(1e-12));
        }
    }

    @Test
    void theUnitsOfTheClusterBootstrapPointAtTheirReorderedCells() {
        BattleSet.Builder builder = BattleSet.builder().keepUnits(ClusterBy.VOTER);
        String[] names = {"D", "C", "B", "A"};   // first seen in the reverse of the pairs' order
        for (int k = 0; k < 60; k++) {
            builder.add(Battle.of(names[k % 4], names[(k + 1 + k / 4 % 3) % 4], k % 3 / 2.0).inUnit("v" + k % 7));
        }
        BattleSet set = builder.build();
        UnitCells units = set.units();
        long[] once = new long[units.units];
        java.util.Arrays.fill(once, 1);
        long[] drawn = new long[set.cells().size()];

        units.cellCounts(once, drawn);

        assertThat(drawn).containsExactly(set.cells().count);
        long[] onlyFirst = new long[units.units];
        onlyFirst[0] = 1;   // voter v0: battles k = 0, 7, 14, …
        units.cellCounts(onlyFirst, drawn);
        PairCounts cells = set.cells();
        double[] scoreI = new double[cells.pairCount()];
        double[] scoreJ = new double[cells.pairCount()];
        cells.pairScores(drawn, scoreI, scoreJ);
        double total = 0;
        for (int p = 0; p < cells.pairCount(); p++) total += scoreI[p] + scoreJ[p];
        assertThat(total).isEqualTo(9);
        for (int x = 0; x < 4; x++) {
            assertThat(sumOfScoresOf(cells, scoreI, scoreJ, x)).as(names[x]).isEqualTo(sumOfV0Scores(names, x));
        }
    }

    /** What contestant {@code x} scored in the pair scores. */
    private static double sumOfScoresOf(PairCounts cells, double[] scoreI, double[] scoreJ, int x) {
        double sum = 0;
        for (int p = 0; p < cells.pairCount(); p++) {
            if (cells.pairI[p] == x) sum += scoreI[p];
            if (cells.pairJ[p] == x) sum += scoreJ[p];
        }
        return sum;
    }

    /** What contestant {@code x} (names[x]: the names were first seen in that order) scored in voter v0's battles. */
    private static double sumOfV0Scores(String[] names, int x) {
        double sum = 0;
        for (int k = 0; k < 60; k += 7) {
            String a = names[k % 4];
            String b = names[(k + 1 + k / 4 % 3) % 4];
            double outcome = k % 3 / 2.0;
            if (a.equals(names[x])) sum += outcome;
            if (b.equals(names[x])) sum += 1 - outcome;
        }
        return sum;
    }
}
