package dev.tribunal.store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * An arena round: two evaluations of one sample shown under an opaque id chosen by the caller (a random
 * string, so it reveals nothing).
 *
 * @param voterHash salted hash of the voter the round was dealt to, or null
 */
public record Round(String id, long sampleId, long evalAId, long evalBId, String voterHash, Instant createdAt,
                    Instant expiresAt) {

    public Round {
        if (id == null || id.isBlank()) throw new IllegalArgumentException("a round needs an id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        // stored in milliseconds: keep exactly what a read gives back
        createdAt = createdAt.truncatedTo(ChronoUnit.MILLIS);
        expiresAt = expiresAt.truncatedTo(ChronoUnit.MILLIS);
        if (evalAId == evalBId) throw new IllegalArgumentException("a round shows two different evaluations");
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
