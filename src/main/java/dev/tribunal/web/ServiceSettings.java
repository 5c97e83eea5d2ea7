package dev.tribunal.web;

import java.time.Duration;

/**
 * Everything the running service needs beyond the database, in one place (the CLI fills it from
 * {@code config/tribunal.yaml}).
 *
 * @param roundLifetime      how long a dealt round takes a vote
 * @param roundsPerMinute    new rounds (and regenerations) per voter per minute; 0 = no limit
 * @param votesPerMinute     votes per voter per minute; 0 = no limit
 * @param votesPerDay        votes per voter per day; 0 = no limit
 * @param refreshEvery       how often the leaderboards are recomputed
 * @param bootstrapRounds    bootstrap rounds for the leaderboards' 95 % intervals
 * @param preliminaryBelow   leaderboard rows with fewer battles are marked preliminary
 * @param adminTokenVariable the environment variable that holds the admin token (named in messages)
 * @param adminToken         its value, or null when unset
 * @param voterSecret        the HMAC key for voter ids, or null to use the one generated and kept in the database
 */
public record ServiceSettings(WebSettings web, Duration roundLifetime, int roundsPerMinute, int votesPerMinute,
                              int votesPerDay, Duration refreshEvery, int bootstrapRounds, double preliminaryBelow,
                              String adminTokenVariable, String adminToken, byte[] voterSecret, String version) {

    public ServiceSettings withWeb(WebSettings newWeb) {
        return new ServiceSettings(newWeb, roundLifetime, roundsPerMinute, votesPerMinute, votesPerDay, refreshEvery,
                bootstrapRounds, preliminaryBelow, adminTokenVariable, adminToken, voterSecret, version);
    }

    public ServiceSettings withLimits(int rounds, int votes, int votesDaily) {
        return new ServiceSettings(web, roundLifetime, rounds, votes, votesDaily, refreshEvery, bootstrapRounds,
                preliminaryBelow, adminTokenVariable, adminToken, voterSecret, version);
    }

    public ServiceSettings withAdminToken(String token) {
        return new ServiceSettings(web, roundLifetime, roundsPerMinute, votesPerMinute, votesPerDay, refreshEvery,
                bootstrapRounds, preliminaryBelow, adminTokenVariable, token, voterSecret, version);
    }

    public ServiceSettings withRoundLifetime(Duration lifetime) {
        return new ServiceSettings(web, lifetime, roundsPerMinute, votesPerMinute, votesPerDay, refreshEvery,
                bootstrapRounds, preliminaryBelow, adminTokenVariable, adminToken, voterSecret, version);
    }
}
