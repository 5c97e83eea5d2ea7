package dev.tribunal.config;

import static dev.tribunal.config.ConfigException.require;

/** Where the web server listens. Port 0 picks a free port. */
public record ServerConfig(String host, int port) {

    public ServerConfig {
        require(host != null && !host.isBlank(), "server.host", "must not be empty", host);
        require(port >= 0 && port <= 65_535, "server.port", "must be in 0..65535", port);
    }
}
