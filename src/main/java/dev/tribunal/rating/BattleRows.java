package dev.tribunal.rating;

import java.util.Arrays;

/** The battles one by one, as online Elo needs them: parallel arrays, no object per battle. */
final class BattleRows {
    final int[] a;
    final int[] b;
    final double[] outcome;
    final double[] weight;
    final long[] time;

    private BattleRows(int[] a, int[] b, double[] outcome, double[] weight, long[] time) {
        this.a = a;
        this.b = b;
        this.outcome = outcome;
        this.weight = weight;
        this.time = time;
    }

    int size() {
        return a.length;
    }

    /** Row indices by time; equal times keep their input order (a stable sort). */
    int[] timeOrder() {
        Integer[] boxed = new Integer[a.length];
        for (int i = 0; i < boxed.length; i++) boxed[i] = i;
        boolean sorted = true;
        for (int i = 1; i < time.length && sorted; i++) sorted = time[i - 1] <= time[i];
        int[] order = new int[a.length];
        if (sorted) {
            for (int i = 0; i < order.length; i++) order[i] = i;
            return order;
        }
        Arrays.sort(boxed, (x, y) -> Long.compare(time[x], time[y]));   // merge sort: stable
        for (int i = 0; i < order.length; i++) order[i] = boxed[i];
        return order;
    }

    static final class Builder {
        private int size;
        private int[] a = new int[64];
        private int[] b = new int[64];
        private double[] outcome = new double[64];
        private double[] weight = new double[64];
        private long[] time = new long[64];

        void add(int first, int second, double result, double w, long t) {
            if (size == a.length) {
                int n = 2 * size;
                a = Arrays.copyOf(a, n);
                b = Arrays.copyOf(b, n);
                outcome = Arrays.copyOf(outcome, n);
                weight = Arrays.copyOf(weight, n);
                time = Arrays.copyOf(time, n);
            }
            a[size] = first;
            b[size] = second;
            outcome[size] = result;
            weight[size] = w;
            time[size] = t;
            size++;
        }

        BattleRows build() {
            return new BattleRows(Arrays.copyOf(a, size), Arrays.copyOf(b, size), Arrays.copyOf(outcome, size),
                    Arrays.copyOf(weight, size), Arrays.copyOf(time, size));
        }
    }
}
