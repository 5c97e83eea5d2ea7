package dev.tribunal.web;

import java.nio.file.Path;
import java.util.List;

/**
 * How the web server listens and what it accepts.
 *
 * @param host               address to bind (127.0.0.1 by default; 0.0.0.0 to serve a network)
 * @param port               0 for a random free port
 * @param maxBodyBytes       largest request body accepted (413 above)
 * @param webDirectory       the static front end on disk (used when it exists, else the packaged copy under /web)
 * @param secureCookies      mark the voter cookie Secure (set when served over HTTPS)
 * @param trustedProxyHeader the header a trusted reverse proxy puts the client's address in, or null
 * @param trustedProxies     the addresses of the proxies whose header is believed
 */
public record WebSettings(String host, int port, long maxBodyBytes, Path webDirectory, boolean secureCookies,
                          String trustedProxyHeader, List<String> trustedProxies) {

    public WebSettings {
        trustedProxies = List.copyOf(trustedProxies);
    }

    /** Clients connect directly: the socket peer is the client. */
    public WebSettings(String host, int port, long maxBodyBytes, Path webDirectory, boolean secureCookies) {
        this(host, port, maxBodyBytes, webDirectory, secureCookies, null, List.of());
    }

    public WebSettings withTrustedProxy(String header, List<String> proxies) {
        return new WebSettings(host, port, maxBodyBytes, webDirectory, secureCookies, header, proxies);
    }
}
