package dev.tribunal.arena;

import dev.tribunal.store.Database;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dealt rounds not yet in the store. Dealing a round does not wait for a commit: the round is written with its
 * vote (one transaction for round, vote and battle), or, unvoted, in bulk with the others dealt in the last
 * {@link #FLUSH_EVERY_MS} ms — one write for many rounds instead of one each. The price: if the process dies,
 * rounds dealt in its last 0.2 s without a vote are lost (their voters get a 404 and a new round). Closing
 * writes them all.
 */
final class PendingRounds implements AutoCloseable {

    static final long FLUSH_EVERY_MS = 200;
    private static final Logger LOG = LoggerFactory.getLogger(PendingRounds.class);

    /** The rounds one flush is writing, and when it is done (committed or failed). */
    private record Flush(Set<String> ids, CompletableFuture<Void> done) {
    }

    private final Database db;
    private final ConcurrentHashMap<String, Round> pending = new ConcurrentHashMap<>();
    private volatile Flush flushing;
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "round-flusher");
        t.setDaemon(true);
        return t;
    });

    PendingRounds(Database db) {
        this.db = db;
        flusher.scheduleWithFixedDelay(this::flush, FLUSH_EVERY_MS, FLUSH_EVERY_MS, TimeUnit.MILLISECONDS);
    }

    void add(Round round) {
        pending.put(round.id(), round);
    }

    /**
     * Takes the round out to be written by the caller (with its vote); null when it is in the store — after
     * waiting, if a flush is writing it right now, for that flush to commit.
     */
    Round take(String roundId) {
        Round round = pending.remove(roundId);
        if (round != null) return round;
        Flush flush = flushing;
        if (flush != null && flush.ids().contains(roundId)) flush.done().join();
        return null;
    }

    /** Gives back a round the caller failed to write. */
    void putBack(Round round) {
        pending.put(round.id(), round);
    }

    /** Writes the rounds pending now, in one transaction (one by one if that fails, dropping the bad ones). */
    synchronized void flush() {
        if (pending.isEmpty()) return;
        // announced before the rounds leave the map, so that a vote never finds a round in neither place
        Flush flush = new Flush(Set.copyOf(pending.keySet()), new CompletableFuture<>());
        flushing = flush;
        try {
            List<Round> batch = new ArrayList<>();
            for (String id : flush.ids()) {
                Round taken = pending.remove(id);
                if (taken != null) batch.add(taken);
            }
            write(batch);
        } finally {
            flushing = null;
            flush.done().complete(null);
        }
    }

    private void write(List<Round> batch) {
        if (batch.isEmpty()) return;
        try {
            db.useTransaction(tx -> batch.forEach(r -> tx.rounds().insert(StoredRounds.toStore(r))));
        } catch (RuntimeException together) {
            for (Round r : batch) {
                try {
                    db.rounds().insert(StoredRounds.toStore(r));
                } catch (RuntimeException alone) {
                    LOG.error("round {} could not be stored and is dropped: {}", r.id(), alone.getMessage());
                }
            }
        }
    }

    @Override
    public void close() {
        flusher.shutdown();
        try {
            flusher.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
    }
}
