package dev.tribunal.config;

import static dev.tribunal.config.ConfigException.require;

import java.time.Duration;

/**
 * Where the web server listens (port 0 picks a free port), and what the slow public requests may take: a
 * browse request's time budget in the database, and how many browse requests and exports run at once.
 */
public record ServerConfig(String host, int port, Duration queryBudget, int maxConcurrentSearches,
                           int maxConcurrentExports) {

    public static final Duration DEFAULT_QUERY_BUDGET = Duration.ofSeconds(5);
    public static final int DEFAULT_SEARCHES = 2;
    public static final int DEFAULT_EXPORTS = 1;

    public ServerConfig {
        require(host != null && !host.isBlank(), "server.host", "must not be empty", host);
        require(port >= 0 && port <= 65_535, "server.port", "must be in 0..65535", port);
        require(queryBudget != null && queryBudget.toMillis() >= 1, "server.query_budget", "must be at least PT0.001S",
                queryBudget);
        require(maxConcurrentSearches >= 1, "server.max_concurrent_searches", "must be >= 1", maxConcurrentSearches);
        require(maxConcurrentExports >= 1, "server.max_concurrent_exports", "must be >= 1", maxConcurrentExports);
    }

    /** Listening here, with the default budget and caps. */
    public ServerConfig(String host, int port) {
        this(host, port, DEFAULT_QUERY_BUDGET, DEFAULT_SEARCHES, DEFAULT_EXPORTS);
    }
}
