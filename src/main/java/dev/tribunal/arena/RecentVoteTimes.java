package dev.tribunal.arena;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.LongSupplier;

/**
 * For the voters seen lately, the times of their latest votes, so that "how many votes in the trailing 24 hours, up
 * to the cap" costs no query per vote: read from the store once per voter (at most the cap's worth), then kept up to
 * date as this process records the voter's votes. At most {@code capacity} voters are kept, oldest first out.
 *
 * <p>When other nodes record votes too, a voter's times are topped up at every count as
 * {@link RevealedEvaluations} does: the times kept from {@code readAt − CLOCK_SKEW} on are replaced by the store's
 * (one indexed range read, usually a vote or two, instead of up to the cap's worth of index entries), so a vote on
 * any node counts at once, and none is counted twice.
 */
final class RecentVoteTimes {

    /** Reads a voter's vote times (epoch ms) at or after {@code since}, newest first, at most {@code limit}. */
    @FunctionalInterface
    interface Loader {
        List<Long> times(String voterHash, long since, int limit);
    }

    /** One voter's latest vote times, oldest first, at most {@code keep} of them; read up to {@code readAt}. */
    private static final class Times {
        final ArrayDeque<Long> times = new ArrayDeque<>();
        int keep;
        long readAt;
    }

    private final int capacity;
    private final Loader load;
    private final boolean shared;
    private final LongSupplier clock;
    private final ConcurrentHashMap<String, Times> byVoter = new ConcurrentHashMap<>();
    private final Queue<String> order = new ConcurrentLinkedQueue<>();

    /**
     * @param shared whether other nodes record votes in the same store
     * @param clock  this node's time, epoch ms
     */
    RecentVoteTimes(int capacity, Loader load, boolean shared, LongSupplier clock) {
        this.capacity = capacity;
        this.load = load;
        this.shared = shared;
        this.clock = clock;
    }

    /** The voter's votes at or after {@code since}, counted up to {@code atMost}. */
    long countSince(String voterHash, long since, int atMost) {
        Times t = byVoter.get(voterHash);
        if (t == null || t.keep < atMost) {
            t = loaded(voterHash, since, atMost);
        } else if (shared) {
            toppedUp(t, voterHash, since);
        }
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

    /** Replaces the times from {@code readAt − CLOCK_SKEW} on (at least {@code since}) by the store's. */
    private void toppedUp(Times t, String voterHash, long since) {
        long now = clock.getAsLong();
        long from;
        int keep;
        synchronized (t) {
            from = Math.max(since, t.readAt - RevealedEvaluations.CLOCK_SKEW);
            keep = t.keep;
        }
        List<Long> newestFirst = load.times(voterHash, from, keep);   // no lock held across the query
        synchronized (t) {
            while (!t.times.isEmpty() && t.times.peekLast() >= from) t.times.pollLast();
            for (int i = newestFirst.size() - 1; i >= 0; i--) t.times.addLast(newestFirst.get(i));
            while (t.times.size() > t.keep) t.times.pollFirst();
            t.readAt = Math.max(t.readAt, now);
        }
    }

    private Times loaded(String voterHash, long since, int atMost) {
        Times fresh = new Times();
        fresh.keep = atMost;
        fresh.readAt = clock.getAsLong();
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
