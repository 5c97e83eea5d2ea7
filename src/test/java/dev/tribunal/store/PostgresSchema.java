package dev.tribunal.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A freshly created PostgreSQL schema with a random name, dropped on close. The server is
 * {@code TRIBUNAL_TEST_POSTGRES_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}).
 * When it cannot be reached the calling test is skipped, unless {@code CI=true}: then it fails.
 */
public final class PostgresSchema implements TestDatabase {

    private static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    private final String serverUrl;
    private final String name;

    private PostgresSchema(String serverUrl, String name) {
        this.serverUrl = serverUrl;
        this.name = name;
    }

    public static PostgresSchema create() {
        String server = System.getenv().getOrDefault("TRIBUNAL_TEST_POSTGRES_URL", DEFAULT_URL);
        String name = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(server); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + name);
        } catch (SQLException e) {
            String why = "PostgreSQL at " + server + " is not reachable (" + e.getMessage() + ")";
            if ("true".equals(System.getenv("CI"))) throw new IllegalStateException(why + "; CI=true requires it", e);
            Assumptions.abort(why + ": skipping the PostgreSQL tests");
        }
        return new PostgresSchema(server, name);
    }

    /** A JDBC URL whose connections work in this schema. */
    @Override
    public String url() {
        return serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + name;
    }

    public String name() {
        return name;
    }

    @Override
    public void close() {
        try (Connection c = DriverManager.getConnection(serverUrl); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop schema " + name, e);
        }
    }
}
