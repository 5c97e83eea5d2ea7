package dev.tribunal.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tribunal.rating.RatingMethod;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The whole configuration, as read from {@code config/tribunal.yaml} over the defaults below, then
 * environment overrides: {@code TRIBUNAL_} + the key path in upper case with dots as underscores
 * ({@code server.port} → {@code TRIBUNAL_SERVER_PORT}, {@code arena.votes_per_minute} →
 * {@code TRIBUNAL_ARENA_VOTES_PER_MINUTE}; nested keys alike: {@code arena.per_address.votes_per_minute} →
 * {@code TRIBUNAL_ARENA_PER_ADDRESS_VOTES_PER_MINUTE}; a list takes comma-separated values). Durations are ISO-8601 ({@code PT1H}, {@code PT30M}).
 *
 * @param llm reserved for providers and judges: kept as a raw tree (null when absent)
 */
public record TribunalConfig(ServerConfig server, DatabaseConfig database, DemoConfig demo,
                             LeaderboardConfig leaderboard, RatingConfig rating, ArenaConfig arena,
                             SecretsConfig secrets, CollectiveConfig collective, ClusterConfig cluster, JsonNode llm) {

    public TribunalConfig {
        section(server, "server");
        section(database, "database");
        section(demo, "demo");
        section(leaderboard, "leaderboard");
        section(rating, "rating");
        section(arena, "arena");
        section(secrets, "secrets");
        section(collective, "collective");
        section(cluster, "cluster");
        if (llm != null && (llm.isNull() || llm.isMissingNode())) llm = null;
    }

    private static void section(Object value, String name) {
        if (value == null) throw new ConfigException(name, "must be a mapping of keys, not empty");
    }

    /** The built-in defaults: embedded SQLite, the demo data, no keys needed. */
    public static TribunalConfig defaults() {
        return new TribunalConfig(
                new ServerConfig("127.0.0.1", 7070),
                new DatabaseConfig("jdbc:sqlite:data/tribunal.db", null, "TRIBUNAL_DATABASE_PASSWORD", 8),
                new DemoConfig(true, "data/demo"),
                new LeaderboardConfig(Duration.ofHours(1), LeaderboardConfig.DEFAULT_ARENA_REFRESH),
                new RatingConfig(RatingMethod.BRADLEY_TERRY, 100, 42, 4, null, 1000, true),
                ArenaConfig.defaults(),
                new SecretsConfig("TRIBUNAL_ADMIN_TOKEN", "TRIBUNAL_VOTER_SECRET", null, null),
                CollectiveConfig.defaults(),
                ClusterConfig.defaults(),
                null);
    }

    /**
     * Reads the YAML file over the defaults, then the environment overrides; {@link ConfigException}
     * naming the key for an unknown key, a wrong value, or a missing or malformed file.
     */
    public static TribunalConfig load(Path file, Map<String, String> env) {
        return new ConfigLoader().load(file, env);
    }

    /** As {@link #load}, from YAML text (the source name only appears in messages). */
    public static TribunalConfig parse(String yaml, String sourceName, Map<String, String> env) {
        return new ConfigLoader().parse(yaml, sourceName, env);
    }
}
