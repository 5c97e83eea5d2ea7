package dev.tribunal.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.UUID;

/**
 * A fresh database for one test: a SQLite file in a temp directory, or a new PostgreSQL schema with a random
 * name (dropped on close) on the shared local server. Without a reachable PostgreSQL the test is skipped,
 * except under CI=true, where it fails.
 */
record ScratchDatabase(Database database, String postgresSchema) implements AutoCloseable {

    static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String POSTGRES_USER = "postgres";

    static ScratchDatabase open(String engine, Path dir, Clock clock) {
        if (engine.equals("sqlite")) {
            String url = "jdbc:sqlite:" + dir.resolve("tribunal.db");
            return new ScratchDatabase(Database.open(ConnectionSettings.of(url), clock), null);
        }
        String schema = "test_" + UUID.randomUUID().toString().replace("-", "");
        execute("CREATE SCHEMA " + schema);
        ConnectionSettings settings = new ConnectionSettings(POSTGRES + "?currentSchema=" + schema, POSTGRES_USER,
                null, 4);
        return new ScratchDatabase(Database.open(settings, clock), schema);
    }

    private static void execute(String statement) {
        try (Connection c = DriverManager.getConnection(POSTGRES, POSTGRES_USER, null);
             Statement s = c.createStatement()) {
            s.execute(statement);
        } catch (SQLException e) {
            boolean ci = "true".equals(System.getenv("CI"));
            if (ci) throw new IllegalStateException("PostgreSQL is required under CI: " + e.getMessage(), e);
            assumeTrue(false, "PostgreSQL at " + POSTGRES + " is not reachable, skipping: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        database.close();
        if (postgresSchema != null) execute("DROP SCHEMA " + postgresSchema + " CASCADE");
    }
}
