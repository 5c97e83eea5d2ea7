package dev.tribunal.rating;

import java.util.Arrays;

/**
 * Battles with answer styles, aggregated per distinct (a, b, outcome, weight, d) where d holds the raw style
 * features d_k = (a_k − b_k) / (a_k + b_k + 1) for tokens, headers, list items and bold. Battles without styles
 * are only counted ({@link #missing}).
 */
final class StyleCells {
    static final int FEATURES = 4;

    final int[] cellA;
    final int[] cellB;
    final double[] outcome;
    final double[] weight;
    final long[] count;
    /** Raw features, FEATURES per cell. */
    final double[] features;
    /** Battles without styles (not in any cell). */
    final long missing;

    private StyleCells(int[] cellA, int[] cellB, double[] outcome, double[] weight, long[] count,
                       double[] features, long missing) {
        this.cellA = cellA;
        this.cellB = cellB;
        this.outcome = outcome;
        this.weight = weight;
        this.count = count;
        this.features = features;
        this.missing = missing;
    }

    int size() {
        return cellA.length;
    }

    static final class Builder {
        private final CellIndex index = new CellIndex(3 + FEATURES);
        private final long[] key = new long[3 + FEATURES];
        private long[] counts = new long[64];
        private long missing;

        void add(int a, int b, Battle battle) {
            if (!battle.hasStyle()) {
                missing++;
                return;
            }
            key[0] = ((long) a << 32) | (b & 0xFFFFFFFFL);
            key[1] = Double.doubleToLongBits(battle.outcome());
            key[2] = Double.doubleToLongBits(battle.weight());
            double[] sa = battle.styleA().toArray();
            double[] sb = battle.styleB().toArray();
            for (int k = 0; k < FEATURES; k++) {
                key[3 + k] = Double.doubleToLongBits(difference(sa[k], sb[k]));
            }
            int cell = index.indexOf(key);
            if (cell == counts.length) counts = Arrays.copyOf(counts, 2 * counts.length);
            counts[cell]++;
        }

        StyleCells build() {
            int size = index.size();
            int[] cellA = new int[size];
            int[] cellB = new int[size];
            double[] outcome = new double[size];
            double[] weight = new double[size];
            double[] features = new double[size * FEATURES];
            for (int c = 0; c < size; c++) {
                cellA[c] = (int) (index.field(c, 0) >>> 32);
                cellB[c] = (int) index.field(c, 0);
                outcome[c] = Double.longBitsToDouble(index.field(c, 1));
                weight[c] = Double.longBitsToDouble(index.field(c, 2));
                for (int k = 0; k < FEATURES; k++) {
                    features[c * FEATURES + k] = Double.longBitsToDouble(index.field(c, 3 + k));
                }
            }
            return new StyleCells(cellA, cellB, outcome, weight, Arrays.copyOf(counts, size), features, missing);
        }

        /** d = (a − b) / (a + b + 1), the relative difference style control uses. */
        private static double difference(double a, double b) {
            return (a - b) / (a + b + 1);
        }
    }
}
