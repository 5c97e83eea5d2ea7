package dev.tribunal.bench;

import dev.tribunal.llm.LlmConfig;
import dev.tribunal.store.BenchRunDao;
import dev.tribunal.store.BenchUnit;
import dev.tribunal.store.UnitCounts;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One process's work on a run's claimable units ({@code bench_units}): claims a phase's units with a lease, runs
 * each on its own virtual thread, and renews its leases every third of the lease from a heartbeat thread, so that
 * only a dead process loses its units (they are claimable again once the lease runs out). Closing it hands back
 * the units it still holds.
 *
 * <p>Cost: one claim transaction per quarter window of units, one count query when a claim comes back empty.
 */
public final class UnitLoop implements AutoCloseable {

    private final BenchRunDao runs;
    private final Duration lease;
    private final String worker = "worker-" + UUID.randomUUID();
    private final Object lock = new Object();
    /** Units this process is working on: a unit whose lease this process let run out must not run twice here. */
    private final Set<Long> running = ConcurrentHashMap.newKeySet();
    private final Thread heartbeat;
    private int inFlight;
    private volatile boolean finished;

    /** Starts the heartbeat. */
    public UnitLoop(BenchRunDao runs, Duration lease) {
        this.runs = runs;
        this.lease = lease;
        this.heartbeat = Thread.ofVirtual().name("bench-heartbeat").start(this::beat);
    }

    private void beat() {
        while (!finished) {
            try {
                Thread.sleep(lease.dividedBy(3));
            } catch (InterruptedException e) {
                return;
            }
            if (!finished) runs.renew(worker, lease);
        }
    }

    /**
     * Claims and runs the phase's units until none is left or {@code stopped} says so (asked between claims): at
     * most {@code window} in flight; units another process holds are waited for until they are done or their lease
     * runs out.
     */
    public void phase(long runId, String unitPhase, int window, BooleanSupplier stopped, Consumer<BenchUnit> work) {
        // claims are write transactions: take units in batches of a quarter window, not one by one
        int batch = Math.max(1, window / 4);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            while (!stopped.getAsBoolean()) {
                int free;
                synchronized (lock) {
                    while (inFlight > window - batch) lock.wait();
                    free = window - inFlight;
                }
                List<BenchUnit> units = runs.claim(runId, unitPhase, worker, lease, free).stream()
                        .filter(u -> running.add(u.id())).toList();
                if (units.isEmpty()) {
                    synchronized (lock) {
                        if (inFlight > 0) {
                            lock.wait(1_000);
                            continue;
                        }
                    }
                    UnitCounts now = runs.counts(runId).getOrDefault(unitPhase, UnitCounts.none(unitPhase));
                    if (now.claimed() == 0) break;
                    Thread.sleep(Math.min(1_000, Math.max(50, lease.toMillis() / 4)));
                    continue;
                }
                synchronized (lock) {
                    inFlight += units.size();
                }
                for (BenchUnit unit : units) {
                    pool.submit(() -> {
                        try {
                            work.accept(unit);
                        } finally {
                            running.remove(unit.id());
                            synchronized (lock) {
                                inFlight--;
                                lock.notifyAll();
                            }
                        }
                    });
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * Three times the calls the endpoints allow in flight, at least 4: enough units queued (waiting in the gateway's
     * per-endpoint limits) that no endpoint waits for work while units are claimed and stored.
     */
    public static int window(LlmConfig config, Collection<String> endpoints) {
        int parallel = endpoints.stream().distinct().mapToInt(e -> config.endpoint(e).orElseThrow().parallel()).sum();
        return Math.max(4, 3 * parallel);
    }

    /** Stops the heartbeat and hands the units this process still holds back (pending). */
    @Override
    public void close() {
        finished = true;
        heartbeat.interrupt();
        runs.release(worker);
    }
}
