package dev.tribunal.config;

import static dev.tribunal.config.ConfigException.require;

import java.time.Duration;

/**
 * How often the rating job recomputes the leaderboards.
 *
 * @param refreshInterval      every board, in full
 * @param arenaRefreshInterval how often to look for new arena votes; when there are any, the judges' arena boards
 *                             (only) are recomputed then, so that votes show within minutes
 */
public record LeaderboardConfig(Duration refreshInterval, Duration arenaRefreshInterval) {

    /** The default arena interval: five minutes. */
    public static final Duration DEFAULT_ARENA_REFRESH = Duration.ofMinutes(5);

    public LeaderboardConfig {
        require(refreshInterval != null && refreshInterval.toSeconds() >= 1, "leaderboard.refresh_interval",
                "must be at least PT1S", refreshInterval);
        require(arenaRefreshInterval != null && arenaRefreshInterval.toSeconds() >= 1,
                "leaderboard.arena_refresh_interval", "must be at least PT1S", arenaRefreshInterval);
    }

    public LeaderboardConfig(Duration refreshInterval) {
        this(refreshInterval, DEFAULT_ARENA_REFRESH);
    }
}
