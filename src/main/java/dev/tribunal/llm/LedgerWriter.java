package dev.tribunal.llm;

import dev.tribunal.store.LlmCall;
import dev.tribunal.store.LlmCallDao;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Group commit for ledger rows: callers hand in their row and wait until it is committed; one writer stores
 * whatever has queued up meanwhile in a single transaction. Under load that turns hundreds of one-row
 * transactions per second into a few batches, while each caller still returns only once its row (and so its
 * cached answer) is stored.
 */
final class LedgerWriter implements AutoCloseable {

    private static final int MAX_BATCH = 256;
    /** Queued by {@link #close()}: everything before it is stored, then the writer ends. */
    private static final Pending END = new Pending(null, null);

    private record Pending(LlmCall row, CompletableFuture<Void> stored) {
    }

    private final LlmCallDao dao;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean closed;

    LedgerWriter(LlmCallDao dao) {
        this.dao = dao;
        this.writer = Thread.ofVirtual().name("llm-ledger-writer").start(this::drain);
    }

    /** Stores the row; returns once it is committed, or throws what the database threw. */
    void write(LlmCall row) {
        if (closed) throw new IllegalStateException("the LLM gateway is closed");
        Pending pending = new Pending(row, new CompletableFuture<>());
        queue.add(pending);
        try {
            pending.stored.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) throw cause;
            throw e;
        }
    }

    private void drain() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        boolean ending = false;
        while (!ending) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            ending = batch.remove(END);
            if (batch.isEmpty()) continue;
            try {
                dao.insertAll(batch.stream().map(Pending::row).toList());
                batch.forEach(p -> p.stored.complete(null));
            } catch (RuntimeException e) {
                batch.forEach(p -> p.stored.completeExceptionally(e));
            }
            batch.clear();
        }
        // rows that raced with close() after END was taken
        for (Pending late; (late = queue.poll()) != null; ) {
            late.stored.completeExceptionally(new IllegalStateException("the LLM gateway is closed"));
        }
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        queue.add(END);
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
