package dev.tribunal.store;

import java.time.Instant;

/**
 * A long-running piece of work (a benchmark run, a rating computation, …).
 *
 * @param paramsJson its parameters as JSON
 * @param progress   0..1
 * @param claimedBy  the worker that runs it, or null while queued
 */
public record Job(long id, String kind, String paramsJson, JobState state, double progress, String message,
                  String error, Instant createdAt, Instant updatedAt, String claimedBy) {
}
