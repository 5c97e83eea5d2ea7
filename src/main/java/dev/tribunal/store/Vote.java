package dev.tribunal.store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The one vote on an arena round.
 *
 * @param flag why it is left out of the leaderboards, or null when it counts
 */
public record Vote(String roundId, VoteChoice choice, String voterHash, Instant createdAt, VoteFlag flag) {

    public Vote {
        Objects.requireNonNull(roundId, "roundId");
        Objects.requireNonNull(choice, "choice");
        Objects.requireNonNull(voterHash, "voterHash");
        // stored in milliseconds: keep exactly what a read gives back
        createdAt = createdAt.truncatedTo(ChronoUnit.MILLIS);
    }

    /** A counted vote. */
    public Vote(String roundId, VoteChoice choice, String voterHash, Instant createdAt) {
        this(roundId, choice, voterHash, createdAt, null);
    }
}
