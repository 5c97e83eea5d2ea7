package dev.tribunal.arena;

import java.util.Collections;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

/**
 * For the voters seen lately, the evaluations whose judges a reveal has named to them: read from the store once per
 * voter, then kept up to date as that voter's votes are recorded here, so that dealing a round and checking a vote
 * cost no query (a voter may have a thousand votes a day). At most {@code capacity} voters are kept, oldest first
 * out. Per process: a vote recorded by another node reaches this cache when the voter is next read from the store.
 */
final class RevealedEvaluations {

    private final int capacity;
    private final Function<String, Set<Long>> load;
    private final ConcurrentHashMap<String, Set<Long>> byVoter = new ConcurrentHashMap<>();
    private final Queue<String> order = new ConcurrentLinkedQueue<>();

    RevealedEvaluations(int capacity, Function<String, Set<Long>> load) {
        this.capacity = capacity;
        this.load = load;
    }

    /** The ids revealed to this voter (a live, read-only view). */
    Set<Long> of(String voterHash) {
        Set<Long> ids = byVoter.get(voterHash);
        if (ids == null) {
            Set<Long> loaded = ConcurrentHashMap.newKeySet();
            loaded.addAll(load.apply(voterHash));
            ids = byVoter.putIfAbsent(voterHash, loaded);
            if (ids == null) {
                ids = loaded;
                order.add(voterHash);
                while (byVoter.size() > capacity) {
                    String oldest = order.poll();
                    if (oldest == null) break;
                    byVoter.remove(oldest);
                }
            }
        }
        return Collections.unmodifiableSet(ids);
    }

    /** A vote was recorded: its two evaluations are now revealed to its voter. */
    void voted(String voterHash, long evaluationA, long evaluationB) {
        Set<Long> ids = byVoter.get(voterHash);
        if (ids != null) {
            ids.add(evaluationA);
            ids.add(evaluationB);
        }
    }
}
