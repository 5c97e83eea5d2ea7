package dev.tribunal.config;

import static dev.tribunal.config.ConfigException.require;

import dev.tribunal.store.ConnectionSettings;
import java.util.Map;

/**
 * The database: a JDBC URL ({@code jdbc:sqlite:<file>} or {@code jdbc:postgresql://…}), the PostgreSQL
 * user, the name of the environment variable holding its password (never the password itself), and
 * the read pool size.
 */
public record DatabaseConfig(String url, String user, String passwordEnv, int poolSize) {

    public DatabaseConfig {
        require(url != null && (url.startsWith("jdbc:sqlite:") || url.startsWith("jdbc:postgresql:")), "database.url",
                "must start with jdbc:sqlite: or jdbc:postgresql:", url);
        require(passwordEnv != null && !passwordEnv.isBlank(), "database.password_env", "must name a variable", passwordEnv);
        require(poolSize >= 1 && poolSize <= 200, "database.pool_size", "must be in 1..200", poolSize);
    }

    /** The connection settings, with the password read from the environment (null when unset). */
    public ConnectionSettings connectionSettings(Map<String, String> env) {
        return new ConnectionSettings(url, user, env.get(passwordEnv), poolSize);
    }
}
