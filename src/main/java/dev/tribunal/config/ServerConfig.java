package dev.tribunal.config;

import static dev.tribunal.config.ConfigException.require;

import java.util.List;

/**
 * Where the web server listens, and whom it believes about the client's address. Port 0 picks a free port.
 *
 * @param trustedProxyHeader the header a reverse proxy puts the client's address in (e.g. X-Forwarded-For); null:
 *                           the socket peer is the client. Read only on connections from a trusted proxy, and then
 *                           its rightmost entry (the one that proxy added) is the client.
 * @param trustedProxies     the proxies' addresses, exactly (IPv4 or IPv6 literals)
 */
public record ServerConfig(String host, int port, String trustedProxyHeader, List<String> trustedProxies) {

    public ServerConfig {
        require(host != null && !host.isBlank(), "server.host", "must not be empty", host);
        require(port >= 0 && port <= 65_535, "server.port", "must be in 0..65535", port);
        require(trustedProxyHeader == null || trustedProxyHeader.matches("[A-Za-z0-9-]+"),
                "server.trusted_proxy_header", "must be a header name such as X-Forwarded-For", trustedProxyHeader);
        require(trustedProxies != null && trustedProxies.stream().allMatch(ServerConfig::isAddressLiteral),
                "server.trusted_proxies", "must be a list of IP addresses", trustedProxies);
        trustedProxies = List.copyOf(trustedProxies);
    }

    public ServerConfig(String host, int port) {
        this(host, port, null, List.of("127.0.0.1", "::1"));
    }

    /** An IPv4 or IPv6 literal (host names are refused: resolving them would make the check depend on DNS). */
    private static boolean isAddressLiteral(String s) {
        return s != null && (s.matches("\\d{1,3}(\\.\\d{1,3}){3}") || s.matches("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*"));
    }
}
