package dev.tribunal.config;

import static dev.tribunal.config.ConfigException.require;

import java.time.Duration;

/**
 * The judge arena's limits and vote rules.
 *
 * @param roundTtl           how long a dealt round accepts its vote
 * @param votesPerMinute     per voter
 * @param votesPerDay        per voter (a hard limit: 429 beyond it)
 * @param roundsPerMinute    new rounds per voter
 * @param maxBodyBytes       the largest request body accepted
 * @param maxInputChars      the longest sample input a person may submit
 * @param maxResponseChars   the longest sample response a person may submit
 * @param liveShare          the chance (0–1) that a new round shows a sample live judges evaluated (submitted or
 *                           generated) rather than a stored demo one, when there are such samples
 * @param samplesPerHour     submitted samples per voter (each is paid LLM calls); 0 = no limit
 * @param perAddress         the limits per network address
 * @param countedVotesPerDay a voter's votes beyond this many in the trailing 24 h are kept but flagged
 *                           {@code daily_cap} and left out of the leaderboards; 0 = no cap
 * @param minSecondsToVote   a vote cast sooner than this after its round was dealt is flagged {@code too_fast}; 0 = off
 * @param anomalyMinVotes    the decisive votes a voter needs before the anomaly test looks at them
 * @param anomalyP           the combined p-value below which a voter's votes are flagged {@code anomalous}; 0 = off
 * @param blindVotesOnly     deal a voter no critique whose judge an earlier reveal named to them, where possible, and
 *                           flag a vote on a round that shows one anyway {@code not_blind}
 */
public record ArenaConfig(Duration roundTtl, int votesPerMinute, int votesPerDay, int roundsPerMinute,
                          int maxBodyBytes, int maxInputChars, int maxResponseChars, double liveShare,
                          int samplesPerHour, PerAddressConfig perAddress, int countedVotesPerDay,
                          double minSecondsToVote, int anomalyMinVotes, double anomalyP, boolean blindVotesOnly) {

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
        PerAddressConfig.notNegative(samplesPerHour, "arena.samples_per_hour");
        require(perAddress != null, "arena.per_address", "must be a mapping of keys", perAddress);
        PerAddressConfig.notNegative(countedVotesPerDay, "arena.counted_votes_per_day");
        require(minSecondsToVote >= 0 && minSecondsToVote <= 3600, "arena.min_seconds_to_vote", "must be in 0..3600",
                minSecondsToVote);
        positive(anomalyMinVotes, "arena.anomaly_min_votes");
        require(anomalyP >= 0 && anomalyP < 1, "arena.anomaly_p", "must be in [0, 1) (0 = off)", anomalyP);
    }

    /** The defaults: per address three times the per-voter figures. */
    public static ArenaConfig defaults() {
        return new ArenaConfig(Duration.ofMinutes(30), 20, 1_000, 30, 65_536, 8_000, 16_000, 0.3,
                10, new PerAddressConfig(30, 90, 60, 30), 200, 3, 20, 1e-6, true);
    }

    private static void positive(int value, String path) {
        require(value > 0, path, "must be > 0", value);
    }
}
