package dev.tribunal.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * SQLite's single writer with group commit. Callers queue their write and wait; one thread takes
 * whatever has queued up (up to {@link #MAX_GROUP}) and runs it in one transaction, each write in its
 * own savepoint, so a failing write is undone alone while the others commit together. SQLite allows one
 * writer at a time anyway: queueing in the JVM means no SQLITE_BUSY, and sharing a commit among many
 * writes is what makes thousands of small writes per second possible.
 */
final class WriteQueue implements AutoCloseable {

    static final int MAX_GROUP = 512;

    private record Pending<R>(HandleCallback<R, RuntimeException> work, CompletableFuture<R> result) {
    }

    private final Jdbi writer;
    private final BlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closed;

    WriteQueue(Jdbi writer) {
        this.writer = writer;
        this.thread = Thread.ofPlatform().daemon().name("tribunal-sqlite-writer").start(this::loop);
    }

    /** Runs the work in a write transaction on the writer thread and returns its result or throws its exception. */
    <R> R submit(HandleCallback<R, RuntimeException> work) {
        if (Thread.currentThread() == thread) {
            throw new IllegalStateException("a write inside a transaction must use the Database it was given");
        }
        CompletableFuture<R> result = new CompletableFuture<>();
        // under the lock, so that nothing is queued after close() and left waiting forever
        synchronized (this) {
            if (closed) throw new StoreException("the database is closed");
            queue.add(new Pending<>(work, result));
        }
        try {
            return result.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw e;
        }
    }

    private void loop() {
        List<Pending<?>> group = new ArrayList<>();
        while (!closed || !queue.isEmpty()) {
            try {
                Pending<?> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) continue;
                group.add(first);
                queue.drainTo(group, MAX_GROUP - 1);
                runGroup(group);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Throwable t) {
                group.forEach(p -> p.result().completeExceptionally(t));
            } finally {
                group.clear();
            }
        }
        queue.forEach(p -> p.result().completeExceptionally(new StoreException("the database is closed")));
    }

    private void runGroup(List<Pending<?>> group) {
        if (group.size() == 1) {
            runAlone(group.getFirst());
            return;
        }
        List<Runnable> outcomes = new ArrayList<>(group.size());
        try {
            writer.useTransaction(h -> {
                for (Pending<?> p : group) outcomes.add(runInSavepoint(p, h));
            });
        } catch (Throwable t) {
            // the commit itself failed: nothing of the group was stored
            group.forEach(p -> p.result().completeExceptionally(t));
            return;
        }
        outcomes.forEach(Runnable::run);
    }

    /** A write alone needs no savepoint: the transaction is its own. Completes after the commit. */
    private <R> void runAlone(Pending<R> p) {
        R value;
        try {
            value = writer.inTransaction(p.work());
        } catch (Throwable t) {
            p.result().completeExceptionally(t);
            return;
        }
        p.result().complete(value);
    }

    /**
     * Runs one write of a group in its own savepoint and returns how to answer its caller once the group
     * has committed (so no caller hears of success for a write that is then lost).
     */
    private static <R> Runnable runInSavepoint(Pending<R> p, Handle h) {
        h.execute("SAVEPOINT write");
        try {
            R value = p.work().withHandle(h);
            h.execute("RELEASE write");
            return () -> p.result().complete(value);
        } catch (Throwable t) {
            h.execute("ROLLBACK TO write");
            h.execute("RELEASE write");
            return () -> p.result().completeExceptionally(t);
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
