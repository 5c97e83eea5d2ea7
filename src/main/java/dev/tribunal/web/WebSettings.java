package dev.tribunal.web;

import java.nio.file.Path;

/**
 * How the web server listens and what it accepts.
 *
 * @param host          address to bind (127.0.0.1 by default; 0.0.0.0 to serve a network)
 * @param port          0 for a random free port
 * @param maxBodyBytes  largest request body accepted (413 above)
 * @param webDirectory  the static front end on disk (used when it exists, else the packaged copy under /web)
 * @param secureCookies mark the voter cookie Secure (set when served over HTTPS)
 */
public record WebSettings(String host, int port, long maxBodyBytes, Path webDirectory, boolean secureCookies) {
}
