package dev.tribunal.config;

import static dev.tribunal.config.ConfigException.require;

/**
 * The arena's limits per network address ({@code arena.per_address}), kept in memory only. Many people can share
 * one address (an office, a phone network), so each is a few times the per-voter figure. 0 = no limit.
 *
 * @param newVotersPerHour new voter ids issued (a request without a valid signed cookie)
 * @param roundsPerMinute  new and regenerated rounds
 * @param votesPerMinute   votes
 * @param samplesPerHour   submitted samples (each is two paid LLM calls)
 */
public record PerAddressConfig(int newVotersPerHour, int roundsPerMinute, int votesPerMinute, int samplesPerHour) {

    public PerAddressConfig {
        notNegative(newVotersPerHour, "arena.per_address.new_voters_per_hour");
        notNegative(roundsPerMinute, "arena.per_address.rounds_per_minute");
        notNegative(votesPerMinute, "arena.per_address.votes_per_minute");
        notNegative(samplesPerHour, "arena.per_address.samples_per_hour");
    }

    static void notNegative(long value, String path) {
        require(value >= 0, path, "must be >= 0 (0 = no limit)", value);
    }
}
