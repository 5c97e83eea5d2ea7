package dev.tribunal.store;

import java.util.Objects;

/**
 * Where the database is.
 *
 * @param url      {@code jdbc:sqlite:<file>} or {@code jdbc:postgresql://host:port/db[?currentSchema=…]}
 * @param user     PostgreSQL user, or null (SQLite, or the user in the URL)
 * @param password PostgreSQL password, or null; never printed
 * @param poolSize connections for reads (PostgreSQL: for everything); SQLite always has one writer more
 */
public record ConnectionSettings(String url, String user, String password, int poolSize) {

    public ConnectionSettings {
        Objects.requireNonNull(url, "url");
        if (poolSize < 1) throw new IllegalArgumentException("poolSize must be >= 1: " + poolSize);
    }

    public static ConnectionSettings of(String url) {
        return new ConnectionSettings(url, null, null, 8);
    }

    @Override
    public String toString() {
        return "ConnectionSettings[url=" + url + ", user=" + user + ", password=" + (password == null ? "none" : "***")
                + ", poolSize=" + poolSize + "]";
    }
}
