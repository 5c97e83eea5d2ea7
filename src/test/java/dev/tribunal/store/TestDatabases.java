package dev.tribunal.store;

import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/** A migrated SQLite database in a test's temp dir. */
public final class TestDatabases {

    private TestDatabases() {
    }

    public static Jdbi sqlite(Path dir) {
        String url = "jdbc:sqlite:" + dir.resolve("test.db") + "?journal_mode=WAL&busy_timeout=10000";
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").load().migrate();
        return Jdbi.create(url);
    }
}
