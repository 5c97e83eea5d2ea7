package dev.tribunal.arena;

import java.util.Collections;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.LongSupplier;

/**
 * For the voters seen lately, the evaluations whose judges a reveal has named to them: read from the store once per
 * voter, then kept up to date as that voter's votes are recorded here, so that dealing a round and checking a vote
 * cost no query (a voter may have a thousand votes a day). At most {@code capacity} voters are kept, oldest first
 * out.
 *
 * <p>When other nodes record votes too, a voter's set is topped up at every question with the votes recorded since
 * it was last read, less {@link #CLOCK_SKEW} for the nodes' clocks (one indexed range read, usually empty, instead
 * of all the voter's votes): a reveal on any node counts at once.
 */
final class RevealedEvaluations {

    /** How far the nodes' clocks may disagree: votes this much older than the last read are read again. */
    static final long CLOCK_SKEW = 5_000;

    /** Reads the evaluations revealed to a voter by votes recorded at or after {@code since} (epoch ms). */
    @FunctionalInterface
    interface Loader {
        Set<Long> since(String voterHash, long since);
    }

    /** A voter's revealed evaluations, and when they were read up to (epoch ms, this node's clock). */
    private static final class Revealed {
        final Set<Long> ids = ConcurrentHashMap.newKeySet();
        volatile long readAt;
    }

    private final int capacity;
    private final Loader load;
    private final boolean shared;
    private final LongSupplier clock;
    private final ConcurrentHashMap<String, Revealed> byVoter = new ConcurrentHashMap<>();
    private final Queue<String> order = new ConcurrentLinkedQueue<>();

    /**
     * @param shared whether other nodes record votes in the same store
     * @param clock  this node's time, epoch ms
     */
    RevealedEvaluations(int capacity, Loader load, boolean shared, LongSupplier clock) {
        this.capacity = capacity;
        this.load = load;
        this.shared = shared;
        this.clock = clock;
    }

    /** The ids revealed to this voter (a live, read-only view). */
    Set<Long> of(String voterHash) {
        Revealed held = byVoter.get(voterHash);
        if (held == null) {
            Revealed loaded = new Revealed();
            loaded.readAt = clock.getAsLong();
            loaded.ids.addAll(load.since(voterHash, 0));
            held = byVoter.putIfAbsent(voterHash, loaded);
            if (held == null) {
                held = loaded;
                order.add(voterHash);
                while (byVoter.size() > capacity) {
                    String oldest = order.poll();
                    if (oldest == null) break;
                    byVoter.remove(oldest);
                }
            }
        } else if (shared) {
            long now = clock.getAsLong();
            held.ids.addAll(load.since(voterHash, held.readAt - CLOCK_SKEW));
            held.readAt = now;
        }
        return Collections.unmodifiableSet(held.ids);
    }

    /** A vote was recorded: its two evaluations are now revealed to its voter. */
    void voted(String voterHash, long evaluationA, long evaluationB) {
        Revealed held = byVoter.get(voterHash);
        if (held != null) {
            held.ids.add(evaluationA);
            held.ids.add(evaluationB);
        }
    }
}
