package dev.tribunal.store;

import java.nio.file.Path;

/** Where a test's database lives; closing it removes what opening created (e.g. a PostgreSQL schema). */
public interface TestDatabase extends AutoCloseable {

    /** A JDBC URL of a fresh database. */
    String url();

    default Database open() {
        return Database.open(url());
    }

    @Override
    void close();

    /** A SQLite file in the given (temporary) directory, left for JUnit to delete. */
    static TestDatabase sqlite(Path file) {
        return new TestDatabase() {
            @Override
            public String url() {
                return "jdbc:sqlite:" + file;
            }

            @Override
            public void close() {
            }
        };
    }
}
