package dev.tribunal.config;

import static dev.tribunal.config.ConfigException.require;

import java.time.Duration;

/** How often the rating job recomputes the leaderboards. */
public record LeaderboardConfig(Duration refreshInterval) {

    public LeaderboardConfig {
        require(refreshInterval != null && refreshInterval.toSeconds() >= 1, "leaderboard.refresh_interval",
                "must be at least PT1S", refreshInterval);
    }
}
