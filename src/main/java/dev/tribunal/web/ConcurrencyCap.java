package dev.tribunal.web;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * At most n requests of one kind at once (a fair semaphore). A request over the cap waits briefly for a turn,
 * then gets a 503 problem with {@code Retry-After}: a flood of one kind queues against itself and never takes
 * the connections and threads every other request needs.
 */
final class ConcurrencyCap {

    /** Runs a request's work under the cap. */
    @FunctionalInterface
    interface Work {
        void run() throws Exception;
    }

    private final String what;
    private final Semaphore permits;
    private final Duration wait;

    /** @param what what is being limited, plural, for the problem detail ("searches", "exports") */
    ConcurrencyCap(String what, int permits, Duration wait) {
        this.what = what;
        this.permits = new Semaphore(permits, true);
        this.wait = wait;
    }

    void run(Work work) throws Exception {
        boolean acquired;
        try {
            acquired = permits.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            long retry = Math.max(1, wait.toSeconds());
            throw new ProblemException(503, "busy", "Server busy", "Too many " + what
                    + " are running at once; try again in " + retry + " s.",
                    java.util.Map.of("Retry-After", Long.toString(retry)));
        }
        try {
            work.run();
        } finally {
            permits.release();
        }
    }
}
