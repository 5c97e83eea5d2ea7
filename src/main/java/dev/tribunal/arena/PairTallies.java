package dev.tribunal.arena;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * Vote counts per pair of judges, in memory: read from the store (all counted votes so far), then counted up as this
 * process records counted votes, so a reveal costs no query however many votes there are. Read once per pair when this
 * process is alone on its store; read again when older than {@code maxAge} when other nodes record votes too, so that
 * theirs show within {@code maxAge} (one aggregate over the pair's votes per pair and node per {@code maxAge}, instead
 * of one per vote). The counts are shown to voters for interest and feed no rating.
 */
final class PairTallies {

    /** Counts oriented to the pair's first name (alphabetically): [first, second, tie, both bad], and when read. */
    private record Counts(long[] c, long readAt) {
    }

    private final ConcurrentHashMap<String, Counts> counts = new ConcurrentHashMap<>();
    private final BiFunction<String, String, PairTally> loader;
    private final long maxAgeNanos;

    /**
     * @param loader all stored votes between two judges, oriented to the first
     * @param maxAge how long counts read from the store are used; null = for good (this process alone writes votes)
     */
    PairTallies(BiFunction<String, String, PairTally> loader, Duration maxAge) {
        this.loader = loader;
        this.maxAgeNanos = maxAge == null ? Long.MAX_VALUE : maxAge.toNanos();
    }

    PairTally tally(String judgeA, String judgeB) {
        long[] c = countsOf(judgeA, judgeB);
        PairTally ordered;
        synchronized (c) {
            ordered = new PairTally(c[0] + c[1] + c[2] + c[3], c[0], c[1], c[2], c[3]);
        }
        return judgeA.compareTo(judgeB) <= 0 ? ordered : ordered.swapped();
    }

    void add(String judgeA, String judgeB, Choice choice) {
        long[] c = countsOf(judgeA, judgeB);
        boolean aFirst = judgeA.compareTo(judgeB) <= 0;
        int slot = switch (choice) {
            case A -> aFirst ? 0 : 1;
            case B -> aFirst ? 1 : 0;
            case TIE -> 2;
            case BOTH_BAD -> 3;
        };
        synchronized (c) {
            c[slot]++;
        }
    }

    private long[] countsOf(String judgeA, String judgeB) {
        String first = judgeA.compareTo(judgeB) <= 0 ? judgeA : judgeB;
        String second = first.equals(judgeA) ? judgeB : judgeA;
        long now = System.nanoTime();
        return counts.compute(first + '\u0000' + second, (key, held) -> {
            if (held != null && now - held.readAt() < maxAgeNanos) return held;
            PairTally t = loader.apply(first, second);
            return new Counts(new long[] {t.a(), t.b(), t.tie(), t.bothBad()}, now);
        }).c();
    }
}
