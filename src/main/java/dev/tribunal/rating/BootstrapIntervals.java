package dev.tribunal.rating;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Percentile bootstrap: B rounds, each refitting on a resample of the battles, then per contestant the 2.5 % and
 * 97.5 % quantiles of the B values (linear interpolation between order statistics, numpy's default:
 * Q(q) = x_(⌊h⌋) + (h − ⌊h⌋)(x_(⌊h⌋+1) − x_(⌊h⌋)) with h = (B' − 1)·q over the B' values that are not NaN).
 * <p>
 * Round r draws from its own generator, seeded from the master seed and r alone, and writes only its own row of
 * the result, so the intervals are the same whatever the number of threads.
 */
final class BootstrapIntervals {
    static final double LOWER = 0.025;
    static final double UPPER = 0.975;

    private final int rounds;
    private final long seed;
    private final int threads;

    BootstrapIntervals(int rounds, long seed, int threads) {
        this.rounds = rounds;
        this.seed = seed;
        this.threads = threads;
    }

    /**
     * The B results of a round, result r from the generator of round r; each thread makes its rounds with its own
     * {@code worker.get()}.
     */
    <T> List<T> sample(Supplier<Function<SplittableRandom, T>> worker) {
        Object[] values = new Object[rounds];
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable work = () -> {
            try {
                Function<SplittableRandom, T> round = worker.get();
                for (int r = next.getAndIncrement(); r < rounds && failure.get() == null; r = next.getAndIncrement()) {
                    values[r] = round.apply(new SplittableRandom(seedOfRound(seed, r)));
                }
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
            }
        };
        int pool = Math.min(threads, rounds);
        if (pool <= 1) {
            work.run();
        } else {
            Thread[] started = new Thread[pool];
            for (int t = 0; t < pool; t++) started[t] = Thread.ofPlatform().daemon().name("bootstrap-" + t).start(work);
            for (Thread thread : started) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while bootstrapping", e);
                }
            }
        }
        Throwable e = failure.get();
        if (e instanceof RuntimeException runtime) throw runtime;
        if (e instanceof Error error) throw error;
        @SuppressWarnings("unchecked")
        List<T> results = (List<T>) Arrays.asList(values);
        return results;
    }

    /** Seed of round r: SplitMix64's finaliser of (master + (r + 1)·γ), decorrelating neighbouring rounds. */
    static long seedOfRound(long master, int round) {
        long z = master + (round + 1L) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Bootstrap values, one row per round. */
    record Samples(double[][] values) {

        /** The same rounds with each row transformed (e.g. ratings into scores). */
        Samples map(UnaryOperator<double[]> transform) {
            double[][] mapped = new double[values.length][];
            for (int r = 0; r < values.length; r++) mapped[r] = transform.apply(values[r]);
            return new Samples(mapped);
        }

        /** Quantile q of each column over its non-NaN values (NaN when there are none). */
        double[] quantile(double q) {
            int n = values.length == 0 ? 0 : values[0].length;
            double[] result = new double[n];
            double[] column = new double[values.length];
            for (int i = 0; i < n; i++) {
                int m = 0;
                for (double[] row : values) {
                    if (!Double.isNaN(row[i])) column[m++] = row[i];
                }
                result[i] = quantileOf(column, m, q);
            }
            return result;
        }

        private static double quantileOf(double[] column, int m, double q) {
            if (m == 0) return Double.NaN;
            Arrays.sort(column, 0, m);
            double h = (m - 1) * q;
            int low = (int) Math.floor(h);
            if (low + 1 >= m) return column[m - 1];
            return column[low] + (h - low) * (column[low + 1] - column[low]);
        }
    }
}
