package dev.tribunal.store;

import java.time.Instant;

/**
 * One benchmark run (table {@code bench_runs}).
 *
 * @param kind       {@link #BASELINE} or {@link #COLLECTIVE}: which pipeline runs it
 * @param runKey     SHA-256 over the run's canonical parameters: the same command finds the same run
 * @param paramsJson the parameters as given
 * @param state      running, stopped, done or failed
 * @param phase      the pipeline's current phase (baseline: answers, judgments, rating), or null before the first
 * @param error      why it failed or stopped, or null
 */
public record BenchRun(long id, String kind, String runKey, String paramsJson, String state, String phase, String error,
                       Instant createdAt, Instant updatedAt) {

    public static final String BASELINE = "baseline";
    public static final String COLLECTIVE = "collective";

    public static final String RUNNING = "running";
    public static final String STOPPED = "stopped";
    public static final String DONE = "done";
    public static final String FAILED = "failed";
}
