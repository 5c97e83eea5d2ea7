package dev.tribunal.arena;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * Vote counts per pair of judges, in memory: read once per pair from the store (all counted votes so far), then counted
 * up as counted votes arrive, so a reveal costs no query however many votes there are. Only for a process alone on its
 * store ({@link StoredRounds}): another node's votes would not be seen. The counts are shown to voters for interest
 * and feed no rating.
 */
final class PairTallies {

    /** Counts oriented to the pair's first name (alphabetically): [first, second, tie, both bad]. */
    private final ConcurrentHashMap<String, long[]> counts = new ConcurrentHashMap<>();
    private final BiFunction<String, String, PairTally> loader;

    /** @param loader all stored votes between two judges, oriented to the first */
    PairTallies(BiFunction<String, String, PairTally> loader) {
        this.loader = loader;
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
        return counts.computeIfAbsent(first + '\u0000' + second, key -> {
            PairTally t = loader.apply(first, second);
            return new long[] {t.a(), t.b(), t.tie(), t.bothBad()};
        });
    }
}
