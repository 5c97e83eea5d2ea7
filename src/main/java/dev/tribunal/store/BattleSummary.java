package dev.tribunal.store;

import java.time.Instant;

/**
 * A cheap fingerprint of the battles a filter selects: if none of these changed, no battle was added
 * (battles are never updated), so a leaderboard computed from them is still current.
 *
 * @param count       how many battles
 * @param maxId       the largest id, or 0 when there are none
 * @param latest      the latest creation time, or null when there are none
 * @param totalWeight the sum of the weights
 */
public record BattleSummary(long count, long maxId, Instant latest, double totalWeight) {
}
