package dev.tribunal.rating;

import java.util.Arrays;

/**
 * The cells (a &lt; b, outcome, weight) of {@link BattleSet.Builder} with their counts, numbered 0, 1, 2, … in order
 * of first appearance. Open addressing whose keys are the cells' own columns, the arrays {@link PairCounts#of}
 * takes: a cell is stored once (32 bytes), plus a slot of 8 bytes (its 32-bit hash beside its index) per 0.7 of a
 * cell. A probe compares the hash first, so a new cell costs one cache miss and a known one two.
 * <p>
 * Loading a million battles pays mostly for memory: the first touch of a page costs a page fault (3–15 ms per
 * fresh MiB measured on the shared 2-core machine), and a doubling array touches its bytes about twice. So the
 * columns grow by chunks of 2¹⁶ cells that are never copied (the first doubles up to one, for small sets), and the
 * exact columns for {@link PairCounts#of} are the one copy. A generic long[] key index beside the columns took 88
 * bytes a cell, doubled, and 16 a slot at load 0.5.
 */
final class CellTable {
    private static final int CHUNK_BITS = 16;
    private static final int CHUNK = 1 << CHUNK_BITS;
    private static final int FIRST_CHUNK = 64;
    private static final double MAX_LOAD = 0.7;

    private int[][] a = new int[0][];
    private int[][] b = new int[0][];
    private double[][] outcome = new double[0][];
    private double[][] weight = new double[0][];
    private long[][] count = new long[0][];
    private long[] slots = new long[128];   // hash << 32 | (index + 1); 0 = empty
    private int size;

    int size() {
        return size;
    }

    /**
     * Counts one battle in the cell (a, b, outcome, weight) and returns its index, adding the cell when new. Cells
     * are equal when a and b are and outcome and weight have the same bits (as {@link Double#equals}).
     */
    int add(int cellA, int cellB, double cellOutcome, double cellWeight) {
        long outcomeBits = Double.doubleToLongBits(cellOutcome);
        long weightBits = Double.doubleToLongBits(cellWeight);
        long hash = (long) hash(cellA, cellB, outcomeBits, weightBits) << 32;
        int mask = slots.length - 1;
        for (int slot = (int) (hash >>> 32) & mask; ; slot = (slot + 1) & mask) {
            long entry = slots[slot];
            if (entry == 0) return insert(slot, hash, cellA, cellB, cellOutcome, cellWeight);
            if ((entry & 0xFFFFFFFF00000000L) == hash) {
                int c = (int) entry - 1;
                int chunk = c >>> CHUNK_BITS;
                int i = c & (CHUNK - 1);
                if (a[chunk][i] == cellA && b[chunk][i] == cellB
                        && Double.doubleToLongBits(outcome[chunk][i]) == outcomeBits
                        && Double.doubleToLongBits(weight[chunk][i]) == weightBits) {
                    count[chunk][i]++;
                    return c;
                }
            }
        }
    }

    private int insert(int slot, long hash, int cellA, int cellB, double cellOutcome, double cellWeight) {
        int c = size++;
        int chunk = c >>> CHUNK_BITS;
        int i = c & (CHUNK - 1);
        if (chunk == a.length) addChunk(chunk == 0 ? FIRST_CHUNK : CHUNK);
        else if (i == a[chunk].length) growFirstChunk();
        a[chunk][i] = cellA;
        b[chunk][i] = cellB;
        outcome[chunk][i] = cellOutcome;
        weight[chunk][i] = cellWeight;
        count[chunk][i] = 1;
        slots[slot] = hash | (c + 1);
        if (size > MAX_LOAD * slots.length) growSlots();
        return c;
    }

    int[] a() {
        return flat(a, new int[size]);
    }

    int[] b() {
        return flat(b, new int[size]);
    }

    double[] outcome() {
        return flat(outcome, new double[size]);
    }

    double[] weight() {
        return flat(weight, new double[size]);
    }

    long[] count() {
        return flat(count, new long[size]);
    }

    /** Copies the chunks of one column into {@code column}, an array of {@link #size()} elements. */
    private <T> T flat(T[] chunks, T column) {
        for (int chunk = 0; chunk < chunks.length; chunk++) {
            System.arraycopy(chunks[chunk], 0, column, chunk << CHUNK_BITS, filled(chunk));
        }
        return column;
    }

    /** How many cells chunk {@code chunk} holds. */
    private int filled(int chunk) {
        return Math.min(CHUNK, size - (chunk << CHUNK_BITS));
    }

    private void addChunk(int length) {
        int n = a.length + 1;
        a = Arrays.copyOf(a, n);
        b = Arrays.copyOf(b, n);
        outcome = Arrays.copyOf(outcome, n);
        weight = Arrays.copyOf(weight, n);
        count = Arrays.copyOf(count, n);
        a[n - 1] = new int[length];
        b[n - 1] = new int[length];
        outcome[n - 1] = new double[length];
        weight[n - 1] = new double[length];
        count[n - 1] = new long[length];
    }

    /** The first chunk starts small, for the many small sets, and doubles up to a full chunk. */
    private void growFirstChunk() {
        int n = 2 * a[0].length;
        a[0] = Arrays.copyOf(a[0], n);
        b[0] = Arrays.copyOf(b[0], n);
        outcome[0] = Arrays.copyOf(outcome[0], n);
        weight[0] = Arrays.copyOf(weight[0], n);
        count[0] = Arrays.copyOf(count[0], n);
    }

    /** Rehashes from the hashes kept in the slots, without reading a cell. */
    private void growSlots() {
        long[] bigger = new long[2 * slots.length];
        int mask = bigger.length - 1;
        for (long entry : slots) {
            if (entry == 0) continue;
            int slot = (int) (entry >>> 32) & mask;
            while (bigger[slot] != 0) slot = (slot + 1) & mask;
            bigger[slot] = entry;
        }
        slots = bigger;
    }

    private static int hash(int cellA, int cellB, long outcomeBits, long weightBits) {
        long h = (((long) cellA << 32 | cellB) ^ 0x9E3779B97F4A7C15L) * 0xBF58476D1CE4E5B9L;
        h = (h ^ outcomeBits) * 0xBF58476D1CE4E5B9L;
        h = (h ^ weightBits) * 0xBF58476D1CE4E5B9L;
        h ^= h >>> 31;
        return (int) (h ^ (h >>> 32));
    }
}
