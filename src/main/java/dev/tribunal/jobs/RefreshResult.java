package dev.tribunal.jobs;

import java.time.Instant;
import java.util.List;

/**
 * What one leaderboard refresh did.
 *
 * @param cutoff    battles created at or before this instant were read
 * @param computed  boards whose inputs changed and got a new snapshot
 * @param unchanged boards whose inputs hash equals their latest good snapshot's: nothing written
 * @param failed    boards whose computation failed: a failed snapshot records the error, the last good one stays
 * @param errors    one line per failed board
 */
public record RefreshResult(Instant startedAt, Instant cutoff, int computed, int unchanged, int failed,
                            List<String> errors) {
}
