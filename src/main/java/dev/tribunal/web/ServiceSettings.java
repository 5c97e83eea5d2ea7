package dev.tribunal.web;

import dev.tribunal.arena.VoteRules;
import dev.tribunal.config.LeaderboardConfig;
import dev.tribunal.config.PerAddressConfig;
import dev.tribunal.rating.RatingOptions;
import java.time.Duration;

/**
 * Everything the running service needs beyond the database, in one place (the {@code serve} command fills it
 * from {@code config/tribunal.yaml} and the environment).
 *
 * @param roundLifetime      how long a dealt round takes a vote
 * @param roundsPerMinute    new rounds (and regenerations) per voter per minute; 0 = no limit
 * @param votesPerMinute     votes per voter per minute; 0 = no limit
 * @param votesPerDay        votes per voter per day; 0 = no limit
 * @param refreshEvery       how often the leaderboards are recomputed
 * @param rating             how the leaderboards are computed
 * @param preliminaryBelow   leaderboard rows with fewer battles are marked preliminary
 * @param adminTokenVariable the environment variable that holds the admin token (named in messages)
 * @param adminToken         its value, or null when unset
 * @param voterSecret        the key voter ids are signed and hashed with (at least 16 bytes)
 * @param samplesPerHour     submitted samples per voter per hour; 0 = no limit
 * @param perAddress         the limits per network address (0 = no limit)
 * @param voteRules          which votes are flagged and left out of the leaderboards
 * @param queryLimits        caps and time budget of the slow public requests (browse, export)
 * @param arenaRefreshEvery  how often to look for new votes and recompute the arena boards when there are any
 */
public record ServiceSettings(WebSettings web, Duration roundLifetime, int roundsPerMinute, int votesPerMinute,
                              int votesPerDay, Duration refreshEvery, RatingOptions rating, double preliminaryBelow,
                              String adminTokenVariable, String adminToken, byte[] voterSecret, String version,
                              int samplesPerHour, PerAddressConfig perAddress, VoteRules voteRules,
                              QueryLimits queryLimits, Duration arenaRefreshEvery) {

    /** With the default arena refresh interval (five minutes). */
    public ServiceSettings(WebSettings web, Duration roundLifetime, int roundsPerMinute, int votesPerMinute,
                           int votesPerDay, Duration refreshEvery, RatingOptions rating, double preliminaryBelow,
                           String adminTokenVariable, String adminToken, byte[] voterSecret, String version,
                           int samplesPerHour, PerAddressConfig perAddress, VoteRules voteRules,
                           QueryLimits queryLimits) {
        this(web, roundLifetime, roundsPerMinute, votesPerMinute, votesPerDay, refreshEvery, rating, preliminaryBelow,
                adminTokenVariable, adminToken, voterSecret, version, samplesPerHour, perAddress, voteRules,
                queryLimits, LeaderboardConfig.DEFAULT_ARENA_REFRESH);
    }

    public ServiceSettings withRefreshEvery(Duration every) {
        return new ServiceSettings(web, roundLifetime, roundsPerMinute, votesPerMinute, votesPerDay, every,
                rating, preliminaryBelow, adminTokenVariable, adminToken, voterSecret, version, samplesPerHour,
                perAddress, voteRules, queryLimits, arenaRefreshEvery);
    }

    public ServiceSettings withArenaRefreshEvery(Duration every) {
        return new ServiceSettings(web, roundLifetime, roundsPerMinute, votesPerMinute, votesPerDay, refreshEvery,
                rating, preliminaryBelow, adminTokenVariable, adminToken, voterSecret, version, samplesPerHour,
                perAddress, voteRules, queryLimits, every);
    }

    /** Rows with fewer battles than this are marked preliminary: their intervals are still wide. */
    public static final double PRELIMINARY_BELOW = 30;

    /** No per-address limits (tests; a load test from one machine). */
    public static final PerAddressConfig NO_ADDRESS_LIMITS = new PerAddressConfig(0, 0, 0, 0);

    public ServiceSettings withLimits(int rounds, int votes, int votesDaily) {
        return new ServiceSettings(web, roundLifetime, rounds, votes, votesDaily, refreshEvery, rating,
                preliminaryBelow, adminTokenVariable, adminToken, voterSecret, version, samplesPerHour, perAddress,
                voteRules, queryLimits, arenaRefreshEvery);
    }

    public ServiceSettings withSamplesPerHour(int samples) {
        return new ServiceSettings(web, roundLifetime, roundsPerMinute, votesPerMinute, votesPerDay, refreshEvery,
                rating, preliminaryBelow, adminTokenVariable, adminToken, voterSecret, version, samples, perAddress,
                voteRules, queryLimits, arenaRefreshEvery);
    }

    public ServiceSettings withAddressLimits(PerAddressConfig limits) {
        return new ServiceSettings(web, roundLifetime, roundsPerMinute, votesPerMinute, votesPerDay, refreshEvery,
                rating, preliminaryBelow, adminTokenVariable, adminToken, voterSecret, version, samplesPerHour, limits,
                voteRules, queryLimits, arenaRefreshEvery);
    }

    public ServiceSettings withVoteRules(VoteRules rules) {
        return new ServiceSettings(web, roundLifetime, roundsPerMinute, votesPerMinute, votesPerDay, refreshEvery,
                rating, preliminaryBelow, adminTokenVariable, adminToken, voterSecret, version, samplesPerHour,
                perAddress, rules, queryLimits, arenaRefreshEvery);
    }

    public ServiceSettings withQueryLimits(QueryLimits limits) {
        return new ServiceSettings(web, roundLifetime, roundsPerMinute, votesPerMinute, votesPerDay, refreshEvery,
                rating, preliminaryBelow, adminTokenVariable, adminToken, voterSecret, version, samplesPerHour,
                perAddress, voteRules, limits, arenaRefreshEvery);
    }

    public ServiceSettings withWeb(WebSettings newWeb) {
        return new ServiceSettings(newWeb, roundLifetime, roundsPerMinute, votesPerMinute, votesPerDay, refreshEvery,
                rating, preliminaryBelow, adminTokenVariable, adminToken, voterSecret, version, samplesPerHour,
                perAddress, voteRules, queryLimits, arenaRefreshEvery);
    }

    public ServiceSettings withAdminToken(String token) {
        return new ServiceSettings(web, roundLifetime, roundsPerMinute, votesPerMinute, votesPerDay, refreshEvery,
                rating, preliminaryBelow, adminTokenVariable, token, voterSecret, version, samplesPerHour, perAddress,
                voteRules, queryLimits, arenaRefreshEvery);
    }

    public ServiceSettings withRoundLifetime(Duration lifetime) {
        return new ServiceSettings(web, lifetime, roundsPerMinute, votesPerMinute, votesPerDay, refreshEvery, rating,
                preliminaryBelow, adminTokenVariable, adminToken, voterSecret, version, samplesPerHour, perAddress,
                voteRules, queryLimits, arenaRefreshEvery);
    }
}
