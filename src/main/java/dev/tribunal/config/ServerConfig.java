package dev.tribunal.config;

import static dev.tribunal.config.ConfigException.require;

import java.time.Duration;
import java.util.List;

/**
 * Where the web server listens (port 0 picks a free port), whom it believes about the client's address, and what
 * the slow public requests may take: a browse request's time budget in the database, and how many browse requests
 * and exports run at once.
 *
 * @param trustedProxyHeader the header a reverse proxy puts the client's address in (e.g. X-Forwarded-For); null:
 *                           the socket peer is the client. Read only on connections from a trusted proxy, and then
 *                           its rightmost entry (the one that proxy added) is the client.
 * @param trustedProxies     the proxies' addresses, exactly (IPv4 or IPv6 literals)
 */
public record ServerConfig(String host, int port, String trustedProxyHeader, List<String> trustedProxies,
                           Duration queryBudget, int maxConcurrentSearches, int maxConcurrentExports) {

    public static final List<String> DEFAULT_TRUSTED_PROXIES = List.of("127.0.0.1", "::1");
    public static final Duration DEFAULT_QUERY_BUDGET = Duration.ofSeconds(5);
    public static final int DEFAULT_SEARCHES = 2;
    public static final int DEFAULT_EXPORTS = 1;

    public ServerConfig {
        require(host != null && !host.isBlank(), "server.host", "must not be empty", host);
        require(port >= 0 && port <= 65_535, "server.port", "must be in 0..65535", port);
        require(trustedProxyHeader == null || trustedProxyHeader.matches("[A-Za-z0-9-]+"),
                "server.trusted_proxy_header", "must be a header name such as X-Forwarded-For", trustedProxyHeader);
        require(trustedProxies != null && trustedProxies.stream().allMatch(ServerConfig::isAddressLiteral),
                "server.trusted_proxies", "must be a list of IP addresses", trustedProxies);
        trustedProxies = List.copyOf(trustedProxies);
        require(queryBudget != null && queryBudget.toMillis() >= 1, "server.query_budget", "must be at least PT0.001S",
                queryBudget);
        require(maxConcurrentSearches >= 1, "server.max_concurrent_searches", "must be >= 1", maxConcurrentSearches);
        require(maxConcurrentExports >= 1, "server.max_concurrent_exports", "must be >= 1", maxConcurrentExports);
    }

    /** Listening here, with the defaults for everything else. */
    public ServerConfig(String host, int port) {
        this(host, port, null, DEFAULT_TRUSTED_PROXIES, DEFAULT_QUERY_BUDGET, DEFAULT_SEARCHES, DEFAULT_EXPORTS);
    }

    /** An IPv4 or IPv6 literal (host names are refused: resolving them would make the check depend on DNS). */
    private static boolean isAddressLiteral(String s) {
        return s != null && (s.matches("\\d{1,3}(\\.\\d{1,3}){3}") || s.matches("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*"));
    }
}
