package dev.tribunal.arena;

import java.time.Instant;

/** The one vote of a round. */
public record Vote(String roundId, Choice choice, String voterHash, Instant createdAt) {
}
