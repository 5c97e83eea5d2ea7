package dev.tribunal.arena;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * For the voters seen lately, the times of their latest votes, so that "how many votes in the trailing 24 hours, up
 * to the cap" costs no query per vote: read from the store once per voter (at most the cap's worth), then kept up to
 * date as this process records the voter's votes. At most {@code capacity} voters are kept, oldest first out.
 * Per process: votes another node records reach it when the voter is next read from the store.
 */
final class RecentVoteTimes {

    /** Reads a voter's vote times (epoch ms) at or after {@code since}, newest first, at most {@code limit}. */
    @FunctionalInterface
    interface Loader {
        List<Long> times(String voterHash, long since, int limit);
    }

    /** One voter's latest vote times, oldest first, at most {@code keep} of them. */
    private static final class Times {
        final ArrayDeque<Long> times = new ArrayDeque<>();
        int keep;
    }

    private final int capacity;
    private final Loader load;
    private final ConcurrentHashMap<String, Times> byVoter = new ConcurrentHashMap<>();
    private final Queue<String> order = new ConcurrentLinkedQueue<>();

    RecentVoteTimes(int capacity, Loader load) {
        this.capacity = capacity;
        this.load = load;
    }

    /** The voter's votes at or after {@code since}, counted up to {@code atMost}. */
    long countSince(String voterHash, long since, int atMost) {
        Times t = byVoter.get(voterHash);
        if (t == null || t.keep < atMost) t = loaded(voterHash, since, atMost);
        synchronized (t) {
            while (!t.times.isEmpty() && t.times.peekFirst() < since) t.times.pollFirst();
            return Math.min(t.times.size(), atMost);
        }
    }

    /** A vote of this voter was recorded at {@code time} (epoch ms). */
    void voted(String voterHash, long time) {
        Times t = byVoter.get(voterHash);
        if (t == null) return;   // read from the store, with this vote, when next asked
        synchronized (t) {
            t.times.addLast(time);
            while (t.times.size() > t.keep) t.times.pollFirst();
        }
    }

    private Times loaded(String voterHash, long since, int atMost) {
        Times fresh = new Times();
        fresh.keep = atMost;
        List<Long> newestFirst = load.times(voterHash, since, atMost);
        for (int i = newestFirst.size() - 1; i >= 0; i--) fresh.times.addLast(newestFirst.get(i));
        if (byVoter.put(voterHash, fresh) == null) {
            order.add(voterHash);
            while (byVoter.size() > capacity) {
                String oldest = order.poll();
                if (oldest == null) break;
                byVoter.remove(oldest);
            }
        }
        return fresh;
    }
}
