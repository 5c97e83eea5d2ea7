package dev.tribunal.llm;

import dev.tribunal.store.EndpointSlotDao;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The cluster-wide side of an endpoint's limit ({@link EndpointConfig#clusterParallel()}): before each attempt a call
 * takes one of the endpoint's slots in the store and gives it back after, so all the nodes together keep at most that
 * many requests in flight. A slot is leased for the endpoint's timeout plus {@link #LEASE_MARGIN} (no attempt
 * outlives its timeout): a node killed mid-call frees its slots when the lease runs out. Waiting for a slot polls
 * every 10–40 ms (random, so waiting nodes do not poll in step): two short updates per call, against calls that take
 * hundreds of milliseconds.
 */
public final class ClusterSlots {

    static final Duration LEASE_MARGIN = Duration.ofSeconds(5);

    private final EndpointSlotDao slots;
    private final String holder;

    /** @param holder this node's id, recorded on the slots it holds */
    public ClusterSlots(EndpointSlotDao slots, String holder) {
        this.slots = slots;
        this.holder = holder;
    }

    void prepare(EndpointConfig endpoint) {
        if (endpoint.clusterParallel() != null) slots.ensure(endpoint.name(), endpoint.clusterParallel());
    }

    /** Waits for a slot of the endpoint and returns it, or −1 when the endpoint has no cluster-wide limit. */
    int take(EndpointConfig endpoint) {
        if (endpoint.clusterParallel() == null) return -1;
        Duration lease = endpoint.timeout().plus(LEASE_MARGIN);
        while (true) {
            Optional<Integer> slot = slots.take(endpoint.name(), endpoint.clusterParallel(), holder, lease);
            if (slot.isPresent()) return slot.get();
            try {
                Thread.sleep(ThreadLocalRandom.current().nextLong(10, 41));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a slot of " + endpoint.name(), e);
            }
        }
    }

    void release(EndpointConfig endpoint, int slot) {
        if (slot >= 0) slots.release(endpoint.name(), slot, holder);
    }
}
