package dev.tribunal.bench.baseline;

/**
 * Hears how a run goes: the terminal's progress bar, and (later) the server's events. Called from worker threads:
 * implementations must be thread-safe and quick.
 */
public interface RunListener {

    RunListener NONE = new RunListener() {
    };

    /** A phase (answers, judgments, rating) starts with {@code done} of {@code total} units already finished. */
    default void phaseStarted(long runId, String phase, long done, long total) {
    }

    /** A unit finished (or failed for good), making {@code calls} provider calls that cost {@code cost}. */
    default void unitFinished(long runId, String phase, boolean failed, int calls, double cost) {
    }

    /** The run ended: done, stopped or failed (or, when {@link #halted()}, left running for another time). */
    default void runEnded(long runId, String state) {
    }

    /**
     * Whether this process should stop working on the run now (e.g. the server is stopping). Unlike a stop request,
     * the run stays {@code running} in the database, so that it is resumed later (the server resumes its running
     * runs on start). Asked between claims.
     */
    default boolean halted() {
        return false;
    }
}
