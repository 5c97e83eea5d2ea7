package dev.tribunal.imports;

import dev.tribunal.rating.Battle;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * Passes battles on to a consumer that runs on a thread of its own, in batches and in order, so that reading a file
 * and aggregating its battles can run on two cores at once (with both free, a million rows take about the slower
 * of the two instead of their sum). The consumer sees the same battles in the same order as it would called directly, from one
 * thread; {@link #close()} returns once it has taken the last one (its effects then visible to the caller), and
 * throws what it threw. Memory: at most {@code (QUEUED + 2) · BATCH} battles in flight.
 */
public final class BattleHandoff implements Consumer<Battle>, AutoCloseable {
    private static final int BATCH = 4096;
    private static final int QUEUED = 4;
    private static final Battle[] END = new Battle[0];

    private final BlockingQueue<Battle[]> queue = new ArrayBlockingQueue<>(QUEUED);
    private final Thread worker;
    private Battle[] batch = new Battle[BATCH];
    private int size;
    private volatile Throwable failure;
    private boolean closed;
    private boolean thrown;

    public BattleHandoff(Consumer<Battle> consumer) {
        worker = Thread.ofPlatform().daemon().name("battle-handoff").start(() -> drain(consumer));
    }

    @Override
    public void accept(Battle battle) {
        if (closed) throw new IllegalStateException("already closed");
        batch[size++] = battle;
        if (size == BATCH) {
            put(batch);
            batch = new Battle[BATCH];
            size = 0;
            rethrowFailure();   // stops the reader soon after the consumer failed
        }
    }

    /** Waits until the consumer has taken every battle; rethrows what it threw, unless {@link #accept} did. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        if (size > 0) put(Arrays.copyOf(batch, size));
        put(END);
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while aggregating battles", e);
        }
        rethrowFailure();
    }

    private void put(Battle[] battles) {
        try {
            queue.put(battles);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while aggregating battles", e);
        }
    }

    /** Runs on the worker: passes every batch on until END; after a failure, takes the rest unread so no put blocks. */
    private void drain(Consumer<Battle> consumer) {
        try {
            for (Battle[] battles; (battles = queue.take()) != END; ) {
                if (failure != null) continue;
                try {
                    for (Battle battle : battles) consumer.accept(battle);
                } catch (Throwable e) {
                    failure = e;
                }
            }
        } catch (InterruptedException e) {
            failure = e;
        }
    }

    /** Throws the consumer's failure, once: try-with-resources would otherwise add it to itself as suppressed. */
    private void rethrowFailure() {
        Throwable e = failure;
        if (e == null || thrown) return;
        thrown = true;
        if (e instanceof RuntimeException runtime) throw runtime;
        if (e instanceof Error error) throw error;
        throw new IllegalStateException("aggregating battles failed: " + e, e);
    }
}
