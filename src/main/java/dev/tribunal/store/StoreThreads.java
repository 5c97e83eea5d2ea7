package dev.tribunal.store;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Runs the store's blocking JDBC calls off virtual threads, on a fixed pool of platform threads (one per
 * connection). A JDBC call into native code (SQLite) or a blocking socket read pins a virtual thread to its
 * carrier, and the web server has only as many carriers as cores: two slow queries on two cores once stopped
 * every other request. Here the virtual thread hands the call over and parks (unmounting from its carrier)
 * until the result is in, so the carriers stay free for everything else; the pool's size bounds how many calls
 * run at once, as the connection pool does. Platform threads (the CLI, the scheduler, the SQLite writer, this
 * pool's own threads inside a call) run their calls in place: they pin nothing.
 *
 * <p>Why not turn the web server's virtual threads off instead: its threads would then be a bounded platform pool
 * that every request shares, so a flood of slow requests would occupy all of them and starve the rest anyway;
 * here only the database work is bounded (by connections, and per request kind by the web layer's caps), while
 * requests that wait — for a slow client, a cap, a live judge — stay cheap virtual threads.
 */
final class StoreThreads implements AutoCloseable {

    private final ExecutorService pool;

    StoreThreads(String name, int size) {
        this.pool = Executors.newFixedThreadPool(size, Thread.ofPlatform().daemon().name(name + "-", 1).factory());
    }

    /**
     * The work's result, computed on a pool thread when called from a virtual thread. Its exceptions reach the
     * caller as they were thrown (a {@link DuplicateKeyException} stays one). Waits uninterruptibly, as the JDBC
     * call itself would: an interrupt is kept for the caller to see afterwards.
     */
    <R> R call(Supplier<R> work) {
        if (!Thread.currentThread().isVirtual()) return work.get();
        Future<R> result = pool.submit(work::get);
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return result.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException r) throw r;
                    if (e.getCause() instanceof Error err) throw err;
                    throw new StoreException("a database call failed", e.getCause());
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        pool.shutdown();
    }
}
