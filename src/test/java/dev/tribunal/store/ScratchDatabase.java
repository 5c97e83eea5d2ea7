package dev.tribunal.store;

import java.nio.file.Path;
import java.time.Clock;

/**
 * A fresh database for one test: a SQLite file in a temp directory, or a new PostgreSQL schema
 * ({@link PostgresSchema}: skipped without a server, failing under CI=true), dropped on close.
 */
record ScratchDatabase(Database database, PostgresSchema schema) implements AutoCloseable {

    static ScratchDatabase open(String engine, Path dir, Clock clock) {
        if (engine.equals("sqlite")) {
            String url = "jdbc:sqlite:" + dir.resolve("tribunal.db");
            return new ScratchDatabase(Database.open(ConnectionSettings.of(url), clock), null);
        }
        PostgresSchema schema = PostgresSchema.create();
        return new ScratchDatabase(Database.open(ConnectionSettings.of(schema.url()), clock), schema);
    }

    @Override
    public void close() {
        database.close();
        if (schema != null) schema.close();
    }
}
