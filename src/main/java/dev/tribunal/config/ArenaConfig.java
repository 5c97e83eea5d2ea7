package dev.tribunal.config;

import static dev.tribunal.config.ConfigException.require;

import java.time.Duration;

/**
 * The judge arena's limits.
 *
 * @param roundTtl          how long a dealt round accepts its vote
 * @param votesPerMinute    per voter
 * @param votesPerDay       per voter
 * @param roundsPerMinute   new rounds per voter
 * @param maxBodyBytes      the largest request body accepted
 * @param maxInputChars     the longest sample input a person may submit
 * @param maxResponseChars  the longest sample response a person may submit
 * @param liveShare         the chance (0–1) that a new round shows a sample live judges evaluated (submitted or
 *                          generated) rather than a stored demo one, when there are such samples
 */
public record ArenaConfig(Duration roundTtl, int votesPerMinute, int votesPerDay, int roundsPerMinute,
                          int maxBodyBytes, int maxInputChars, int maxResponseChars, double liveShare) {

    public ArenaConfig {
        require(roundTtl != null && roundTtl.toSeconds() >= 1, "arena.round_ttl", "must be at least PT1S", roundTtl);
        positive(votesPerMinute, "arena.votes_per_minute");
        positive(votesPerDay, "arena.votes_per_day");
        require(votesPerDay >= votesPerMinute, "arena.votes_per_day", "must be >= arena.votes_per_minute ("
                + votesPerMinute + ")", votesPerDay);
        positive(roundsPerMinute, "arena.rounds_per_minute");
        positive(maxBodyBytes, "arena.max_body_bytes");
        positive(maxInputChars, "arena.max_input_chars");
        positive(maxResponseChars, "arena.max_response_chars");
        require(liveShare >= 0 && liveShare <= 1, "arena.live_share", "must be between 0 and 1", liveShare);
    }

    private static void positive(int value, String path) {
        require(value > 0, path, "must be > 0", value);
    }
}
