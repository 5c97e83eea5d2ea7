package dev.tribunal.arena;

import dev.tribunal.arena.RoundStore.StoredRound;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The rounds this process dealt or read most recently, so that the vote on a round (usually seconds after it was
 * dealt) and a page reload need no query. Bounded: past {@code capacity} the oldest are forgotten and read from
 * the store again when asked for. The store stays the authority on votes: its key on the round refuses a second
 * vote even when this copy is stale (another server took the vote).
 */
final class RecentRounds {

    private final int capacity;
    private final ConcurrentHashMap<String, StoredRound> byId = new ConcurrentHashMap<>();
    private final Queue<String> order = new ConcurrentLinkedQueue<>();

    RecentRounds(int capacity) {
        this.capacity = capacity;
    }

    StoredRound get(String roundId) {
        return byId.get(roundId);
    }

    void put(StoredRound round) {
        if (byId.put(round.round().id(), round) == null) {
            order.add(round.round().id());
            while (byId.size() > capacity) {
                String oldest = order.poll();
                if (oldest == null) break;
                byId.remove(oldest);
            }
        }
    }

    void forget(String roundId) {
        byId.remove(roundId);   // its id stays in the order queue until it comes up: harmless
    }
}
