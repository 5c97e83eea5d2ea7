package dev.tribunal.rating;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CellTableTest {

    private record Cell(int a, int b, double outcome, double weight) {
    }

    /** Against a LinkedHashMap over records (Double.equals: bits), through many chunks and slot growths. */
    @Test
    void numbersCellsInOrderOfFirstAppearanceAndCountsThem() {
        Random random = new Random(11);
        double[] outcomes = {0, 0.5, 1, -0.0, 0.25};
        double[] weights = {1, 2.5, 3};
        Map<Cell, long[]> expected = new LinkedHashMap<>();   // cell -> {index, count}
        CellTable table = new CellTable();
        for (int n = 0; n < 400_000; n++) {
            int a = random.nextInt(600);
            int b = a + 1 + random.nextInt(400);
            Cell cell = new Cell(a, b, outcomes[random.nextInt(outcomes.length)], weights[random.nextInt(weights.length)]);
            long[] known = expected.computeIfAbsent(cell, c -> new long[] {expected.size(), 0});
            known[1]++;
            assertThat(table.add(cell.a, cell.b, cell.outcome, cell.weight)).isEqualTo((int) known[0]);
        }

        List<Cell> cells = new ArrayList<>(expected.keySet());
        assertThat(table.size()).isEqualTo(cells.size()).isGreaterThan(3 * (1 << 16));
        int[] a = table.a();
        int[] b = table.b();
        double[] outcome = table.outcome();
        double[] weight = table.weight();
        long[] count = table.count();
        for (int c = 0; c < cells.size(); c++) {
            assertThat(new Cell(a[c], b[c], outcome[c], weight[c])).isEqualTo(cells.get(c));
            assertThat(count[c]).isEqualTo(expected.get(cells.get(c))[1]);
        }
    }

    @Test
    void aSmallTableHasExactColumns() {
        CellTable table = new CellTable();
        assertThat(table.add(0, 1, 1, 1)).isZero();
        assertThat(table.add(0, 2, 0.5, 1)).isEqualTo(1);
        assertThat(table.add(0, 1, 1, 1)).isZero();

        assertThat(table.a()).containsExactly(0, 0);
        assertThat(table.b()).containsExactly(1, 2);
        assertThat(table.count()).containsExactly(2, 1);
        assertThat(new CellTable().count()).isEmpty();
    }
}
