package dev.tribunal.store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * An immutable leaderboard: which battles it was computed from and how. {@code id} is 0 until stored.
 *
 * @param kind         a leaderboard of models or of judges
 * @param source       the battle source filter it was computed for (e.g. "arena", "human", "all")
 * @param category     the category it was computed for, or null for all categories
 * @param cutoff       battles created at or before this instant were used
 * @param inputsHash   a hash of the inputs (battles and settings): equal hashes, equal leaderboards
 * @param settingsJson the rating settings used, as JSON
 * @param error        why the computation failed, or null
 * @param excludedVotes flagged arena votes left out of it (0 for boards without votes)
 */
public record Snapshot(long id, ContestantKind kind, String source, String category, Instant computedAt,
                       Instant cutoff, long battleCount, String inputsHash, String settingsJson,
                       SnapshotStatus status, String error, long excludedVotes) {

    public Snapshot {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        // stored in milliseconds: keep exactly what a read gives back
        computedAt = computedAt.truncatedTo(ChronoUnit.MILLIS);
        cutoff = cutoff.truncatedTo(ChronoUnit.MILLIS);
        Objects.requireNonNull(inputsHash, "inputsHash");
        Objects.requireNonNull(settingsJson, "settingsJson");
        Objects.requireNonNull(status, "status");
    }

    /** A snapshot that left no votes out. */
    public Snapshot(long id, ContestantKind kind, String source, String category, Instant computedAt, Instant cutoff,
                    long battleCount, String inputsHash, String settingsJson, SnapshotStatus status, String error) {
        this(id, kind, source, category, computedAt, cutoff, battleCount, inputsHash, settingsJson, status, error, 0);
    }

    Snapshot withId(long newId) {
        return new Snapshot(newId, kind, source, category, computedAt, cutoff, battleCount, inputsHash, settingsJson,
                status, error, excludedVotes);
    }
}
